// The desk commands and events of export and import: what the renderer sends, what it gets back.
import { z } from 'zod';
import { idSchema, isoInstantSchema, tagSchema } from '../schemas';
import type { ImportError, ImportSchedule } from './import-format';

/** The status words an export filters on and writes: a copy's status, or how its delivery went. */
export const EXPORT_STATUSES = ['draft', 'scheduled', 'published', 'failed', 'withdrawn'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Largest import file sent to the desk, in base64 characters (the 20 MB limit, encoded). */
const MAX_IMPORT_BASE64_CHARS = 28 * 1024 * 1024;

export const startExportArgsSchema = z.strictObject({
  format: z.enum(['csv', 'json']),
  /** calendar: copies not out yet; archive: copies that went out; all: both. */
  what: z.enum(['calendar', 'archive', 'all']).default('all'),
  /** Empty: every channel. */
  channelIds: z.array(idSchema).max(500).default([]),
  /** Copies whose time (planned, or published) is in [from, to); drafts have none. */
  from: isoInstantSchema.nullable().default(null),
  to: isoInstantSchema.nullable().default(null),
  /** Empty: every status. */
  statuses: z.array(z.enum(EXPORT_STATUSES)).max(EXPORT_STATUSES.length).default([]),
  /** Only copies with this topic; null: any. */
  tag: tagSchema.nullable().default(null),
});

export const exportStatusArgsSchema = z.strictObject({ jobId: z.string().min(1).max(64) });

const importFileShape = {
  fileName: z.string().min(1).max(255),
  dataBase64: z.string().min(1).max(MAX_IMPORT_BASE64_CHARS),
};
export const previewImportArgsSchema = z.strictObject(importFileShape);
export const applyImportArgsSchema = z.strictObject({
  ...importFileShape,
  /** times: each row at its own time; slots: rows with a schedule take the next free slots. */
  mode: z.enum(['times', 'slots']).default('times'),
});

/** Where an export stands: sent as the `exportProgress` event and answered by getExportStatus. */
export interface ExportProgress {
  jobId: string;
  /** Rows written so far, of `total`. */
  written: number;
  total: number;
  done: boolean;
  /** The file's name (in exportsDir); browser mode downloads it from /exports/<fileName>. */
  fileName: string;
  /** Where the file is on this computer. */
  path: string;
  /** Why the export stopped, in words; null while it runs or when it succeeded. */
  error: string | null;
}

/** The answer to startExport: the export runs on, its progress comes as events. */
export interface ExportStarted {
  jobId: string;
  total: number;
  fileName: string;
  path: string;
}

/** One row of an import as the preview shows it. */
export interface ImportPreviewRow {
  row: number;
  /** new: will be created; imported: a copy from this row exists already (skipped); error. */
  state: 'new' | 'imported' | 'error';
  channelId: string | null;
  channelName: string | null;
  schedule: ImportSchedule | null;
  excerpt: string;
  errors: ImportError[];
}

/** What previewImport and a refused applyImport answer. */
export interface ImportPreview {
  rows: ImportPreviewRow[];
  /** Problems with the whole file (row 0) or its header (row 1): then no row is listed. */
  fileErrors: ImportError[];
  counts: { total: number; new: number; imported: number; errors: number };
}

/** What applyImport answers: copies created, or nothing written and why. */
export type ImportOutcome =
  | { ok: true; created: number; skipped: number; storyIds: string[] }
  | { ok: false; preview: ImportPreview };

/** Progress of a big import's apply, as the `importProgress` event. */
export interface ImportProgress {
  fileName: string;
  written: number;
  total: number;
  done: boolean;
}
