// Writes an export's rows to a file a chunk at a time: each chunk is turned into text, written,
// and the writer waits for the stream to drain and yields to the event loop before the next, so
// the whole file never sits in memory and the desk keeps answering other commands meanwhile.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { UTF8_BOM, neutraliseFormula } from '../../shared/csv-safety';
import type { ExportRow, ExportValue } from './export-rows';
import { EXPORT_COLUMNS } from './export-rows';

/** Rows turned into text at once: small enough to stay light, large enough to write quickly. */
export const EXPORT_CHUNK_ROWS = 1000;

/** What names the JSON document's kind (the importer recognises it). */
export const EXPORT_FORMAT_NAME = 'channel-desk-export';

export interface ExportSink {
  format: 'csv' | 'json';
  /** The final path; the file is written next to it and renamed when complete. */
  path: string;
  total: number;
  /** The rows, made one at a time as the writer asks for them. */
  rows: Iterable<ExportRow>;
  exportedAt: string;
  /** Called after each chunk with the rows written so far. */
  onProgress(written: number): void;
}

/** A cell as a spreadsheet gets it: lists joined, JSON values as text, text defused. */
function csvCell(value: ExportValue): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return neutraliseFormula(value);
  if (Array.isArray(value)) return neutraliseFormula(value.join('; '));
  return neutraliseFormula(JSON.stringify(value));
}

function csvChunk(rows: readonly ExportRow[]): string {
  return stringify(
    rows.map((row) => EXPORT_COLUMNS.map((column) => csvCell(row[column]))),
    { record_delimiter: 'windows' },
  );
}

function jsonChunk(rows: readonly ExportRow[], first: boolean): string {
  const items = rows.map((row) => JSON.stringify(row)).join(',\n');
  return first ? items : `,\n${items}`;
}

/** Writes the file; resolves with its size in bytes. A failed export leaves no file behind. */
export async function writeExport(sink: ExportSink): Promise<number> {
  const partial = `${sink.path}.part`;
  const stream = createWriteStream(partial, { flags: 'wx' });
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  const write = async (text: string): Promise<void> => {
    if (failure) throw failure;
    // Backpressure: once the stream's buffer is full, wait until it has been flushed.
    if (!stream.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          stream.off('error', onError);
          resolve();
        };
        const onError = (error: Error) => {
          stream.off('drain', onDrain);
          reject(error);
        };
        stream.once('drain', onDrain);
        stream.once('error', onError);
      });
    }
    // Let other commands and events run between chunks.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  try {
    await write(
      sink.format === 'csv'
        ? UTF8_BOM + stringify([[...EXPORT_COLUMNS]], { record_delimiter: 'windows' })
        : `{"format":${JSON.stringify(EXPORT_FORMAT_NAME)},"version":1,"exportedAt":${JSON.stringify(sink.exportedAt)},"total":${sink.total},"updates":[\n`,
    );
    let chunk: ExportRow[] = [];
    let written = 0;
    const flush = async () => {
      await write(sink.format === 'csv' ? csvChunk(chunk) : jsonChunk(chunk, written === 0));
      written += chunk.length;
      chunk = [];
      sink.onProgress(written);
    };
    for (const row of sink.rows) {
      chunk.push(row);
      if (chunk.length >= EXPORT_CHUNK_ROWS) await flush();
    }
    if (chunk.length > 0) await flush();
    if (sink.format === 'json') await write('\n]}\n');
    await new Promise<void>((resolve, reject) => {
      stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (failure) throw failure;
    await rename(partial, sink.path);
    return stream.bytesWritten;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
