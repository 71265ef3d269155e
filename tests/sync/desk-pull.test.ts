// A desk's first pull of several pages from a real hub over HTTP: each page is asked for as soon as
// the one before has told where it ends, pulled entries are acknowledged by the end, and a page
// whose headers disagree with its body is refused without losing the pages before it.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PULL_CURSOR_HEADER } from '../../src/shared/sync/protocol';
import type { HubRequest, HubTransport } from '../../src/shared/sync/transport';
import { DB_KINDS } from '../hub/test-db';
import { addChannel } from '../hub/test-hub';
import { updateDoc } from '../hub/sync-fixtures';
import { hubRequest, pushCreations } from '../support/hub-http';
import type { SyncHub, TestDesk } from '../support/sync-harness';
import { deskFor, eventually, startSyncHub } from '../support/sync-harness';

const UPDATES = 2_500; // three pages of 1,000

const isPull = (req: HubRequest) => req.path.startsWith('/v1/sync/changes');
const afterOf = (req: HubRequest) =>
  Number(new URL(req.path, 'http://hub').searchParams.get('after'));

/** Watches the pulls a desk makes: their `after`, and how many began before another had ended. */
function watchPulls(opts: { tamper?: () => boolean } = {}) {
  const seen = { afters: [] as number[], overlapping: 0 };
  let open = 0;
  const wrap = (inner: HubTransport): HubTransport => ({
    ...inner,
    async request(req) {
      if (!isPull(req)) return inner.request(req);
      seen.afters.push(afterOf(req));
      if (open > 0) seen.overlapping++;
      open++;
      const onHeaders = req.onHeaders;
      const tampered: HubRequest =
        onHeaders && opts.tamper?.() && afterOf(req) > 0
          ? {
              ...req,
              onHeaders: (h) =>
                onHeaders({
                  ...h,
                  [PULL_CURSOR_HEADER]: String(Number(h[PULL_CURSOR_HEADER]) + 1),
                }),
            }
          : req;
      try {
        return await inner.request(tampered);
      } finally {
        open--;
      }
    },
  });
  return { seen, wrap };
}

describe.each(DB_KINDS)('a desk pulling many pages from a hub on %s', (kind) => {
  let hub: SyncHub;
  let channelId: string;
  const desks: TestDesk[] = [];

  beforeAll(async () => {
    hub = await startHub(kind);
  }, 120_000);
  afterAll(async () => {
    await hub.close();
  });
  afterEach(async () => {
    for (const desk of desks.splice(0).reverse()) await desk.dispose();
  });

  async function startHub(k: typeof kind): Promise<SyncHub> {
    const started = await startSyncHub(k);
    const token = started.team.members.owner.token;
    channelId = await addChannel(started.t, token, 'Many pages');
    const clientId = randomBytes(12).toString('base64url');
    await hubRequest(started.url, 'POST', '/v1/sync/clients', { clientId, startSeq: 1 }, token);
    const docs = Array.from({ length: UPDATES }, () => updateDoc(channelId));
    await pushCreations({ url: started.url, token, clientId, seq: 0 }, docs);
    return started;
  }

  const updateCount = async (desk: TestDesk) => (await desk.call('getStatus', {})).updateCount;

  it('asks for each page while the one before is still arriving, and leaves nothing pending', async () => {
    const { seen, wrap } = watchPulls();
    const desk = await deskFor(hub, 'editor', { wrap });
    desks.push(desk);
    await eventually(async () => expect(await updateCount(desk)).toBe(UPDATES), 60_000);
    const status = await desk.call('syncNow', {});
    expect(status).toMatchObject({ state: 'idle', pending: 0 });
    // The first pull: three pages, each after the cursor the one before told.
    expect(seen.afters.slice(0, 3)).toEqual([0, expect.any(Number), expect.any(Number)]);
    expect(seen.afters[1]).toBeGreaterThan(0);
    expect(seen.afters[2]).toBeGreaterThan(seen.afters[1]!);
    expect(seen.overlapping).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('refuses a page whose headers disagree with it; the pages before stay, a later sync ends it', async () => {
    let tampering = true;
    const { wrap } = watchPulls({ tamper: () => tampering });
    const desk = await deskFor(hub, 'editor', { wrap });
    desks.push(desk);
    const failed = await eventually(async () => {
      const status = await desk.call('getSyncStatus', {});
      expect(status.state).toBe('error');
      return status;
    }, 60_000);
    expect(failed.error).toMatch(/not understood/);
    // The first page (after 0) was not tampered with: it is kept; the second was refused.
    const kept = await updateCount(desk);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(UPDATES);
    tampering = false;
    await desk.call('syncNow', {});
    await eventually(async () => expect(await updateCount(desk)).toBe(UPDATES), 60_000);
    expect(await desk.call('syncNow', {})).toMatchObject({ state: 'idle', pending: 0 });
  }, 90_000);
});
