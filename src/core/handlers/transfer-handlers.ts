// Export and import: the calendar and archive out as CSV or JSON files, and drafts or scheduled
// updates in from such files, previewed row by row and applied all or nothing.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandArg } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { Channel } from '../../shared/domain';
import type {
  ExportProgress,
  ExportStarted,
  ImportOutcome,
  ImportPreview,
} from '../../shared/transfer/transfer-protocol';
import type { EngineContext } from '../engine-context';
import { CHANNELS_SHARD, isUpdatesShard } from '../engine-context';
import type { UpdateRecord } from '../update-records';
import { compareForTimeline } from '../update-records';
import { exportFilter, exportRow } from '../transfer/export-rows';
import { exportFileName } from '../transfer/export-files';
import { writeExport } from '../transfer/export-writer';
import { applyStaged } from '../transfer/import-apply';
import { planImport } from '../transfer/import-plan';

export interface TransferOptions {
  /** Where exports are written (browser mode: <dataDir>/exports; Electron: Downloads). */
  exportsDir: string;
}

/** Finished exports remembered for getExportStatus; older ones are forgotten first. */
const MAX_REMEMBERED_EXPORTS = 50;

export function transferHandlers(ctx: EngineContext, options: TransferOptions) {
  const jobs = new Map<string, ExportProgress>();

  const report = (progress: ExportProgress) => {
    jobs.set(progress.jobId, progress);
    if (jobs.size > MAX_REMEMBERED_EXPORTS) {
      const oldest = [...jobs.values()].find((job) => job.done);
      if (oldest) jobs.delete(oldest.jobId);
    }
    ctx.emit('exportProgress', progress);
  };

  /** The copies the filters keep, oldest plan first; records are replaced, never changed. */
  const selectCopies = (filters: CommandArg<'startExport'>): UpdateRecord[] => {
    const keep = exportFilter(filters);
    const copies: UpdateRecord[] = [];
    for (const key of ctx.store.shardKeys()) {
      if (!isUpdatesShard(key)) continue;
      for (const rec of ctx.store.all<UpdateRecord>(key)) if (keep(rec)) copies.push(rec);
    }
    return copies.sort(compareForTimeline);
  };

  const preview = (file: CommandArg<'previewImport'>): ImportPreview =>
    planImport(ctx, file, 'times').preview;

  return {
    async startExport(filters: CommandArg<'startExport'>): Promise<ExportStarted> {
      await ctx.store.ensureAll();
      const channels = new Map(
        ctx.store.all<Channel>(CHANNELS_SHARD).map((channel) => [channel.id, channel]),
      );
      const unknown = filters.channelIds.filter((id) => !channels.has(id));
      if (unknown.length > 0) {
        throw new DeskError('not_found', `No channel with id ${unknown.join(', ')}.`);
      }
      // Taken now: what was there when the export was asked for, even if copies change meanwhile.
      const copies = selectCopies(filters);
      const now = ctx.now();
      const jobId = randomUUID();
      const fileName = exportFileName(filters.what, filters.format, now, jobId);
      await mkdir(options.exportsDir, { recursive: true });
      const path = join(options.exportsDir, fileName);
      const base = { jobId, total: copies.length, fileName, path };
      report({ ...base, written: 0, done: false, error: null });
      function* rows() {
        for (const rec of copies) yield exportRow(rec, channels.get(rec.channelId), now);
      }
      void writeExport({
        format: filters.format,
        path,
        total: copies.length,
        rows: rows(),
        exportedAt: now.toISOString(),
        onProgress: (written) => report({ ...base, written, done: false, error: null }),
      }).then(
        () => report({ ...base, written: copies.length, done: true, error: null }),
        (error: unknown) =>
          report({
            ...base,
            written: jobs.get(jobId)?.written ?? 0,
            done: true,
            error: `The export could not be written: ${error instanceof Error ? error.message : String(error)}`,
          }),
      );
      return base;
    },

    async getExportStatus({ jobId }: CommandArg<'getExportStatus'>): Promise<ExportProgress> {
      const job = jobs.get(jobId);
      if (!job) throw new DeskError('not_found', `No export with id ${jobId} on this desk.`);
      return job;
    },

    async previewImport(file: CommandArg<'previewImport'>): Promise<ImportPreview> {
      return preview(file);
    },

    async applyImport({ mode, ...file }: CommandArg<'applyImport'>): Promise<ImportOutcome> {
      // Checked again: the desk may have changed since the preview (a channel archived, a copy synced).
      const plan = planImport(ctx, file, mode);
      if (plan.preview.fileErrors.length > 0 || plan.preview.counts.errors > 0) {
        return { ok: false, preview: plan.preview };
      }
      const total = plan.records.length;
      const progress = (written: number) =>
        ctx.emit('importProgress', {
          fileName: file.fileName,
          written,
          total,
          done: written >= total,
        });
      await applyStaged(ctx, file.fileName, plan.records, progress);
      if (total === 0) progress(0);
      return {
        ok: true,
        created: total,
        skipped: plan.preview.counts.imported,
        storyIds: [...new Set(plan.records.map((rec) => rec.storyId))],
      };
    },
  };
}
