import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskHandlers } from '../shared/contract';
import { DeskError, commandArgs } from '../shared/contract';
import { DESK_EVENT_NAMES, dispatch } from './dispatch';

type Spy = ReturnType<typeof vi.fn>;

/** A handler table whose every entry records its argument and echoes it back. */
function recordingHandlers(): { handlers: DeskHandlers; spies: Record<string, Spy> } {
  const spies: Record<string, Spy> = {};
  for (const name of Object.keys(commandArgs)) {
    spies[name] = vi.fn(async (arg: unknown) => ({ handled: name, arg }));
  }
  return { handlers: spies as unknown as DeskHandlers, spies };
}

const STORY_ID = 'story_123456';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dispatch', () => {
  it('runs a known command with its validated argument and defaults applied', async () => {
    const { handlers, spies } = recordingHandlers();
    const reply = await dispatch(handlers, 'listChannels', {});
    expect(reply).toEqual({
      ok: true,
      value: { handled: 'listChannels', arg: { includeArchived: false } },
    });
    expect(spies.listChannels).toHaveBeenCalledTimes(1);
  });

  it('treats a missing argument as an empty object', async () => {
    const { handlers, spies } = recordingHandlers();
    const reply = await dispatch(handlers, 'getStatus', undefined);
    expect(reply.ok).toBe(true);
    expect(spies.getStatus).toHaveBeenCalledWith({});
  });

  it('strips fields the schema does not know before the handler sees them', async () => {
    const { handlers, spies } = recordingHandlers();
    await dispatch(handlers, 'getStory', { storyId: STORY_ID, extra: 'ignored' });
    expect(spies.getStory).toHaveBeenCalledWith({ storyId: STORY_ID });
  });

  it.each([['noSuchCommand'], ['__proto__'], ['constructor'], ['toString'], [42], [null], [{}]])(
    'refuses the unknown command %j without calling any handler',
    async (name) => {
      const { handlers, spies } = recordingHandlers();
      const reply = await dispatch(handlers, name, {});
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('unknown_command');
      for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
    },
  );

  it('refuses a bad argument with the failing field, and the handler never runs', async () => {
    const { handlers, spies } = recordingHandlers();
    const reply = await dispatch(handlers, 'getStory', { storyId: 'x' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid_argument');
    expect(reply.error.issues?.map((i) => i.path)).toEqual(['storyId']);
    expect(spies.getStory).not.toHaveBeenCalled();
  });

  it('refuses an argument that is not an object', async () => {
    const { handlers, spies } = recordingHandlers();
    const reply = await dispatch(handlers, 'getStory', 'story_123456');
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('invalid_argument');
    expect(spies.getStory).not.toHaveBeenCalled();
  });

  it('passes a DeskError thrown by a handler through as its payload', async () => {
    const { handlers, spies } = recordingHandlers();
    spies.getStory!.mockRejectedValueOnce(new DeskError('not_found', 'No such story'));
    const reply = await dispatch(handlers, 'getStory', { storyId: STORY_ID });
    expect(reply).toEqual({ ok: false, error: { code: 'not_found', message: 'No such story' } });
  });

  it('turns any other error into internal with its message, and logs it', async () => {
    const { handlers, spies } = recordingHandlers();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    spies.getStory!.mockRejectedValueOnce(new Error('disk on fire'));
    const reply = await dispatch(handlers, 'getStory', { storyId: STORY_ID });
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[0])).toContain('getStory');
  });

  it('reports a thrown non-Error value as internal', async () => {
    const { handlers, spies } = recordingHandlers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    spies.getStatus!.mockRejectedValueOnce('plain string');
    const reply = await dispatch(handlers, 'getStatus', {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'plain string' } });
  });

  it('reports a handler missing from the table as internal', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await dispatch({} as DeskHandlers, 'getStatus', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('internal');
  });
});

describe('DESK_EVENT_NAMES', () => {
  it('lists each contract event once', () => {
    expect([...DESK_EVENT_NAMES].sort()).toEqual([
      'changed',
      'delivery',
      'exportProgress',
      'importProgress',
      'storeProblem',
      'syncStatus',
    ]);
  });
});
