import { describe, expect, it, vi } from 'vitest';
import { DeskError, commandArgs } from '../../../shared/contract';
import type { DeskTransport } from './desk-client-core';
import { createDeskClient } from './desk-client-core';

function transportReplying(reply: unknown) {
  const invoke = vi.fn(async () => reply);
  const on = vi.fn(() => () => undefined);
  return { transport: { invoke, on } as unknown as DeskTransport, invoke, on };
}

describe('createDeskClient', () => {
  it('has one function per contract command', () => {
    const client = createDeskClient(() => transportReplying(null).transport) as unknown as Record<
      string,
      unknown
    >;
    for (const name of Object.keys(commandArgs)) expect(typeof client[name]).toBe('function');
  });

  it('returns the value of an ok reply and sends {} for a missing argument', async () => {
    const { transport, invoke } = transportReplying({ ok: true, value: { locale: 'it' } });
    const client = createDeskClient(() => transport);
    await expect(client.getSettings(undefined as never)).resolves.toEqual({ locale: 'it' });
    expect(invoke).toHaveBeenCalledWith('getSettings', {});
  });

  it('throws a refused reply as a DeskError with its code and issues', async () => {
    const issues = [{ path: 'storyId', message: 'not a valid id' }];
    const { transport } = transportReplying({
      ok: false,
      error: { code: 'invalid_argument', message: 'bad', issues },
    });
    const error = await createDeskClient(() => transport)
      .getStory({ storyId: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'invalid_argument', message: 'bad', issues });
  });

  it('throws internal for a reply it cannot read', async () => {
    const { transport } = transportReplying('garbage');
    await expect(createDeskClient(() => transport).getStatus({})).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it('does not pick a transport until first used', () => {
    const pick = vi.fn(() => transportReplying(null).transport);
    const client = createDeskClient(pick);
    expect(pick).not.toHaveBeenCalled();
    client.on('changed', () => undefined);
    expect(pick).toHaveBeenCalledTimes(1);
  });
});
