// What an import file would do to this desk: each valid row's copy (with an id derived from the
// row's key, so a second import of the same file finds its copies on any desk of the workspace),
// which rows are already imported, and the problems only the desk's copies reveal.
import type { Channel } from '../../shared/domain';
import { idSchema } from '../../shared/schemas';
import { nextFreeSlot } from '../../shared/schedule';
import type { ImportError, ValidRow } from '../../shared/transfer/import-format';
import { fnv1a64, importError } from '../../shared/transfer/import-format';
import { parseImportFile } from '../../shared/transfer/import-parse';
import type { ImportPreview, ImportPreviewRow } from '../../shared/transfer/transfer-protocol';
import type { EngineContext } from '../engine-context';
import { CHANNELS_SHARD } from '../engine-context';
import type { UpdateRecord } from '../update-records';
import { contentOf, sharedContentOf } from '../update-records';
import { scheduledIn } from '../handlers/schedule-handlers';

/** The file as the renderer sent it. */
export interface ImportFileArg {
  fileName: string;
  dataBase64: string;
}

/** A valid row and the copy it makes. */
interface PlannedRow {
  row: ValidRow;
  copyId: string;
  storyId: string;
  imported: boolean;
  errors: ImportError[];
}

/** The whole plan: the preview to show, and the copies to write when nothing is wrong. */
export interface ImportPlan {
  preview: ImportPreview;
  records: UpdateRecord[];
}

const isId = (value: string): boolean => idSchema.safeParse(value).success;

/**
 * The copy's id: the row's own `id` when it is a valid record id (an exported file names its
 * copies so, and they come back under the same ids), else a hash of the row's key.
 */
export function copyIdOf(row: ValidRow): string {
  if (row.key.startsWith('id:') && isId(row.key.slice(3))) return row.key.slice(3);
  return `imp-${fnv1a64(row.key)}`;
}

/** The story's id: the row's `story` when it is a valid id, else derived from it or the copy. */
function storyIdOf(row: ValidRow, copyId: string): string {
  if (row.story === null) return `st-${fnv1a64(`copy:${copyId}`)}`;
  return isId(row.story) ? row.story : `st-${fnv1a64(`story:${row.story}`)}`;
}

const excerptOf = (text: string): string => {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > 120 ? `${plain.slice(0, 119)}…` : plain;
};

function decode(file: ImportFileArg): Uint8Array {
  return new Uint8Array(Buffer.from(file.dataBase64, 'base64'));
}

/** Reads the file, checks every row against this desk, and plans the copies ('slots' mode too). */
export function planImport(
  ctx: EngineContext,
  file: ImportFileArg,
  mode: 'times' | 'slots',
): ImportPlan {
  const channels = ctx.store.all<Channel>(CHANNELS_SHARD);
  const byId = new Map(channels.map((channel) => [channel.id, channel]));
  const now = ctx.now();
  const parsed = parseImportFile({ bytes: decode(file), name: file.fileName }, { channels, now });
  const fileErrors = parsed.errors.filter((error) => error.row <= 1 && error.column === undefined);
  const refusedByRow = new Map((parsed.refused ?? []).map((r) => [r.row, r]));
  const rowErrors = new Map<number, ImportError[]>();
  for (const error of parsed.errors) {
    if (fileErrors.includes(error)) continue;
    rowErrors.set(error.row, [...(rowErrors.get(error.row) ?? []), error]);
  }

  const planned = parsed.rows.map((row): PlannedRow => {
    const copyId = copyIdOf(row);
    return {
      row,
      copyId,
      storyId: storyIdOf(row, copyId),
      imported: ctx.stories.recordOf(copyId) !== undefined,
      errors: [],
    };
  });
  const records = buildRecords(ctx, planned, byId, mode, now);

  const rows: ImportPreviewRow[] = [
    ...planned.map((p): ImportPreviewRow => {
      const channel = byId.get(p.row.channelId);
      return {
        row: p.row.row,
        state: p.errors.length > 0 ? 'error' : p.imported ? 'imported' : 'new',
        channelId: p.row.channelId,
        channelName: channel?.name ?? null,
        schedule: p.row.schedule,
        excerpt: excerptOf(p.row.text),
        errors: p.errors,
      };
    }),
    ...[...rowErrors].map(([row, errors]): ImportPreviewRow => {
      // The row as typed: which channel and text it is, so the editor finds it in the file.
      const typed = refusedByRow.get(row);
      return {
        row,
        state: 'error',
        channelId: null,
        channelName: typed?.channel.trim() || null,
        schedule: null,
        excerpt: excerptOf(typed?.text ?? ''),
        errors,
      };
    }),
  ].sort((a, b) => a.row - b.row);
  const count = (state: ImportPreviewRow['state']) => rows.filter((r) => r.state === state).length;
  return {
    preview: {
      rows,
      fileErrors,
      counts: {
        total: rows.length,
        new: count('new'),
        imported: count('imported'),
        errors: count('error'),
      },
    },
    records,
  };
}

/**
 * The new copies, in file order. Adds to each planned row the problems found on the way: a story
 * that already has a copy on the channel, a time before the story's embargo, no free slot.
 */
function buildRecords(
  ctx: EngineContext,
  planned: PlannedRow[],
  channels: ReadonlyMap<string, Channel>,
  mode: 'times' | 'slots',
  now: Date,
): UpdateRecord[] {
  const at = now.toISOString();
  const taken = new Map<string, Set<string>>();
  const lastSlot = new Map<string, string>();
  const storyChannels = new Map<string, Set<string>>();
  const storyText = new Map<string, string>();
  const records: UpdateRecord[] = [];
  for (const p of planned) {
    if (p.imported) continue;
    const { row } = p;
    const channel = channels.get(row.channelId)!;
    const existing = ctx.stories.copiesOf(p.storyId).filter((c) => c.deletedAt === null);
    let onChannels = storyChannels.get(p.storyId);
    if (!onChannels) {
      onChannels = new Set(existing.map((c) => c.channelId));
      storyChannels.set(p.storyId, onChannels);
    }
    if (onChannels.has(row.channelId)) {
      p.errors.push(
        importError(
          row.row,
          'story_channel_taken',
          { story: p.storyId, channel: channel.name },
          'story',
        ),
      );
      continue;
    }
    onChannels.add(row.channelId);
    const embargoUntil = existing.find((c) => c.embargoUntil)?.embargoUntil ?? null;
    const releaseMs =
      embargoUntil === null ? now.getTime() : Math.max(now.getTime(), Date.parse(embargoUntil));

    let schedule: UpdateRecord['schedule'] = { kind: 'none' };
    const wantsSlot =
      row.schedule.kind === 'queue' || (mode === 'slots' && row.schedule.kind === 'at');
    if (wantsSlot) {
      if (channel.slots.length === 0) {
        p.errors.push(importError(row.row, 'no_slots', { channel: channel.name }, 'schedule'));
        continue;
      }
      let busy = taken.get(channel.id);
      if (!busy) {
        busy = new Set(scheduledIn(ctx, channel.id).map((r) => (r.schedule as { at: string }).at));
        taken.set(channel.id, busy);
      }
      // Slots are handed out in file order, so the search starts after the last one given.
      const after = lastSlot.get(channel.id) ?? new Date(releaseMs - 1).toISOString();
      const slot = nextFreeSlot(channel.slots, channel.timeZone, after, busy);
      if (slot === null) {
        p.errors.push(importError(row.row, 'queue_full', { channel: channel.name }, 'schedule'));
        continue;
      }
      busy.add(slot);
      lastSlot.set(channel.id, slot);
      schedule = { kind: 'at', at: slot, mode: 'queue' };
    } else if (row.schedule.kind === 'at') {
      // The hub refuses a schedule before the embargo ends, whoever asks: so does the desk.
      if (embargoUntil !== null && Date.parse(row.schedule.at) < Date.parse(embargoUntil)) {
        p.errors.push(importError(row.row, 'embargo', { until: embargoUntil }, 'schedule'));
        continue;
      }
      schedule = { kind: 'at', at: row.schedule.at, mode: 'exact' };
    }

    // The story's shared text: its existing copies', else its first imported row's.
    if (!storyText.has(p.storyId)) {
      storyText.set(p.storyId, existing.length > 0 ? sharedContentOf(existing).text : row.text);
    }
    const sharedText = storyText.get(p.storyId)!;
    const customized = row.text !== sharedText;
    records.push({
      id: p.copyId,
      storyId: p.storyId,
      channelId: row.channelId,
      ...contentOf({ text: row.text, attachments: [], poll: null }),
      customized,
      shared: customized ? { text: sharedText, attachments: [], poll: null } : null,
      schedule,
      status: schedule.kind === 'none' ? 'draft' : 'scheduled',
      syncState: 'local',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      silent: row.silent,
      tags: row.topics,
      ...(embargoUntil !== null ? { embargoUntil } : {}),
    });
  }
  return records;
}
