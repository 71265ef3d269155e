// The audit trail seen from a desk: a page through getAudit, and the whole trail as CSV through
// exportAudit (every page fetched, formulas defused), against a real hub over HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS } from '../../src/core/handlers/audit-handlers';
import { insertHistory } from '../../src/hub/sync/history-service';
import type { HistoryRow } from '../../src/hub/sync/history-service';
import type { SyncHub, TestDesk } from '../support/sync-harness';
import { deskFor, eventually, openDesk, startSyncHub } from '../support/sync-harness';

const BOM = '\uFEFF';

describe('the audit trail from a desk', () => {
  let hub: SyncHub;
  let desk: TestDesk;

  beforeAll(async () => {
    hub = await startSyncHub('pglite');
  }, 60_000);
  afterAll(() => hub.close());
  afterEach(() => desk.dispose());

  it('pages the trail and exports it as safe CSV, every page of it', async () => {
    const auditCalls: string[] = [];
    desk = await deskFor(hub, 'owner', {
      wrap: (http) => ({
        ...http,
        request: (req) => {
          if (req.path.startsWith('/v1/audit')) auditCalls.push(req.path);
          return http.request(req);
        },
      }),
    });
    const channel = await desk.call('createChannel', {
      name: 'Roma, centro',
      platform: 'telegram',
      timeZone: 'Europe/Rome',
      language: 'it',
    });
    const story = await desk.call('createStory', {
      channelIds: [channel.id],
      text: '=HYPERLINK("http://evil.example") says "hello"\nSecond line',
    });
    const copyId = story.copies[0]!.id;
    await eventually(async () => {
      const copy = (await desk.call('getStory', { storyId: story.storyId })).copies[0]!;
      expect(copy.syncState).toBe('synced');
    });

    const first = await desk.call('getAudit', { channelId: channel.id, limit: 1 });
    // (The desk's first writes may reach the hub as an import rather than one by one.)
    expect(first.entries.map((e) => [e.record.kind, e.record.id])).toEqual([['update', copyId]]);
    expect(first.entries[0]!.who.name).toBe('Olga Owner');
    const second = await desk.call('getAudit', {
      channelId: channel.id,
      limit: 1,
      cursor: first.nextCursor,
    });
    expect(second.entries.map((e) => [e.record.kind, e.record.id])).toEqual([
      ['channel', channel.id],
    ]);
    expect(second.nextCursor).toBeNull();

    const small = await desk.call('exportAudit', { channelId: channel.id });
    expect(small.rows).toBe(2);
    const lines = small.csv.split('\r\n');
    expect(lines[0]).toBe(`${BOM}${AUDIT_CSV_COLUMNS.join(',')}`);
    // The copy's title starts like a formula: it arrives defused, quotes doubled, commas quoted.
    expect(lines[1]).toMatch(
      new RegExp(
        `^[^,]+,Olga Owner,[^,]+,[a-zA-Z]+,applied,update,${copyId},${channel.id},"Roma, centro",${story.storyId},"'=HYPERLINK\\(""http://evil.example""\\) says ""hello""",`,
      ),
    );
    expect(lines[2]).toContain(`,applied,channel,${channel.id},`);
    expect(lines[3]).toBe('');

    // More than one page (500 entries): the export fetches them all, in order.
    const workspaceId = hub.team.workspaceId;
    const rows: HistoryRow[] = Array.from({ length: 620 }, (_, i) => ({
      kind: 'update',
      recordId: copyId,
      version: 1_000 + i,
      userId: null,
      mutation: 'hub:published',
      outcome: 'applied',
      fields: ['delivery'],
      overwritten: [],
      at: new Date(),
    }));
    await insertHistory(hub.t.hub.ctx.db, workspaceId, rows);
    auditCalls.length = 0;
    const all = await desk.call('exportAudit', { storyId: story.storyId });
    expect(all.rows).toBe(621);
    expect(auditCalls).toHaveLength(2);
    const body = all.csv.split('\r\n').slice(1, -1);
    expect(body).toHaveLength(621);
    expect(body[0]).toContain(',the hub,,hub:published,');
    expect(body.at(-1)).toContain(`,update,${copyId},`);
    expect(body.at(-1)).not.toContain('hub:published');
  });

  it('says the trail lives on the hub when the desk has none, and refuses odd filters', async () => {
    desk = await openDesk();
    await expect(desk.call('getAudit', {})).rejects.toMatchObject({
      code: 'hub_unreachable',
      message: expect.stringMatching(/The audit trail lives on the hub/),
    });
    await expect(async () =>
      desk.call('exportAudit', { from: '2031-01-02T00:00:00Z', to: '2031-01-01T00:00:00Z' }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
