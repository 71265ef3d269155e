// The audit trail's CSV with every injection payload as a member's, a channel's and a title's
// text: the file holds no cell a spreadsheet would run as a formula, and the words survive.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FORMULA_START, INJECTION_PAYLOADS } from '../../../tests/support/injection-corpus';
import type { AuditEntry, AuditPage } from '../../shared/audit/protocol';
import type { SyncManager } from '../sync/sync-manager';
import { AUDIT_CSV_COLUMNS, auditHandlers } from './audit-handlers';

function entry(text: string, version: number): AuditEntry {
  return {
    version,
    at: '2026-03-04T08:00:00.000Z',
    who: { id: 'm-1', name: text },
    action: 'createStory',
    outcome: 'applied',
    record: { kind: 'update', id: `upd-${version}` },
    channel: { id: 'ch-1', name: text },
    storyId: 'st-1',
    title: text,
    fields: ['text', text],
  };
}

/** A hub that answers one page holding every payload (the handler's own code does the rest). */
const hub = {
  onHub: async (): Promise<AuditPage> => ({
    entries: INJECTION_PAYLOADS.map((p, i) => entry(p.text, i + 1)),
    nextCursor: null,
  }),
} as unknown as SyncManager;

describe('untrusted text in the audit CSV', () => {
  it('defuses every formula and keeps the words', async () => {
    const { csv, rows } = await auditHandlers(hub).exportAudit({
      channelId: null,
      storyId: null,
      from: null,
      to: null,
    });
    expect(rows).toBe(INJECTION_PAYLOADS.length);
    const [header, ...records] = parse(csv, { bom: true }) as string[][];
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    records.forEach((record, i) => {
      const payload = INJECTION_PAYLOADS[i]!;
      for (const cell of record) expect(cell).not.toMatch(FORMULA_START);
      for (const column of ['who', 'channel', 'title'] as const) {
        const cell = record[AUDIT_CSV_COLUMNS.indexOf(column)]!;
        // A defused cell is the text behind one apostrophe; any other is the text itself.
        expect(FORMULA_START.test(payload.text) ? `'${payload.text}` : payload.text).toBe(cell);
      }
    });
  });
});
