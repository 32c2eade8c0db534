/**
 * Reading an import file as a stream, for the import worker: a CSV is decoded piece by piece with a
 * streaming TextDecoder (UTF-8, or GB18030 when the bytes are not UTF-8: the read then starts over)
 * and tokenised record by record, so the file is never in memory as one buffer or one string. An XLSX
 * workbook is read whole (a ZIP needs its central directory) within its size limit, through the ZIP
 * guard. Progress is reported as bytes read of the file's size, with the rows so far.
 */
import { CsvRecordReader } from './csv';
import type { TextEncodingName } from './decode';
import {
  IMPORT_LIMITS,
  TableBuilder,
  checkImportSize,
  finishTable,
  isZip,
  type ReadFileResult,
} from './table';
import { readXlsx } from './xlsx';

/** A file to read: its name (for messages), size in bytes, and its bytes as a stream or whole. */
export interface ImportSource {
  readonly name: string;
  readonly size: number;
  /** The bytes from the start, in pieces; may be called again to start over. */
  chunks(): AsyncIterable<Uint8Array>;
  /** The first `length` bytes. */
  head(length: number): Promise<Uint8Array>;
  all(): Promise<Uint8Array>;
}

/** Where a read is: `done` of `total` bytes (read, or inflated for XLSX), and data rows so far. */
export interface ReadProgress {
  readonly phase: 'read' | 'unzip' | 'parse';
  readonly done: number;
  readonly total: number;
  readonly rows: number;
}

/** A source over a Blob (a chosen File): `stream()` for the pieces, `slice()` for the head. */
export function blobSource(blob: Blob, name: string): ImportSource {
  return {
    name,
    size: blob.size,
    chunks: () => ({
      async *[Symbol.asyncIterator]() {
        const reader = blob.stream().getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            yield value;
          }
        } finally {
          // Stops reading the file when the reader stops early (row limit, or GB18030 restart).
          await reader.cancel();
        }
      },
    }),
    head: async (length) => new Uint8Array(await blob.slice(0, length).arrayBuffer()),
    all: async () => new Uint8Array(await blob.arrayBuffer()),
  };
}

/** Reports at most about 200 times a file, so progress messages stay cheap. */
function throttled(total: number, report: ((p: ReadProgress) => void) | undefined) {
  const step = Math.max(256 * 1024, Math.floor(total / 200));
  let last = -Infinity;
  return (progress: ReadProgress, force = false): void => {
    if (report === undefined) return;
    if (!force && progress.done - last < step) return;
    last = progress.done;
    report(progress);
  };
}

class NotUtf8 extends Error {}

async function readCsvAs(
  source: ImportSource,
  encoding: TextEncodingName,
  progress: (p: ReadProgress, force?: boolean) => void,
): Promise<ReadFileResult> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const reader = new CsvRecordReader();
  const builder = new TableBuilder(IMPORT_LIMITS.maxRows);
  let recordNumber = 0;
  let overflow = false;
  const take = (fields: string[]): void => {
    recordNumber++;
    if (!overflow && !builder.add(recordNumber, fields)) overflow = true;
  };
  let done = 0;
  for await (const chunk of source.chunks()) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new NotUtf8();
    }
    reader.push(text, take);
    if (overflow) break;
    done += chunk.length;
    progress({ phase: 'read', done, total: source.size, rows: builder.rowCount });
  }
  if (!overflow) {
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw new NotUtf8();
    }
    reader.push(rest, take);
    reader.end(take);
  }
  if (overflow) {
    return {
      ok: false,
      key: 'import.tooManyRows',
      params: { file: source.name, limit: IMPORT_LIMITS.maxRows },
    };
  }
  progress({ phase: 'read', done: source.size, total: source.size, rows: builder.rowCount }, true);
  const table = builder.finish(source.name, 'csv', encoding);
  if (table === null) return { ok: false, key: 'import.emptyFile', params: { file: source.name } };
  return { ok: true, table };
}

/**
 * Reads a 12345 export into a table, as readImportFile does, without holding a CSV in memory whole:
 * the size is checked before anything is read (see IMPORT_LIMITS), the CSV streams through the
 * decoder and tokeniser, and reading stops at the row limit. Same table, same errors, naming the file.
 */
export async function readImportSource(
  source: ImportSource,
  onProgress?: (progress: ReadProgress) => void,
): Promise<ReadFileResult> {
  const xlsx = isZip(await source.head(4));
  const tooBig = checkImportSize(source.name, source.size, xlsx);
  if (tooBig !== null) return { ok: false, ...tooBig };
  const progress = throttled(source.size, onProgress);
  if (xlsx) {
    const bytes = await source.all();
    const result = readXlsx(bytes, source.name, (done, total) =>
      progress({ phase: 'unzip', done, total, rows: 0 }),
    );
    if (!result.ok) {
      return 'params' in result ? result : { ok: false, key: result.key, params: { file: source.name } };
    }
    progress({ phase: 'parse', done: 1, total: 1, rows: result.records.length }, true);
    return finishTable(source.name, 'xlsx', 'utf-8', result.records);
  }
  try {
    return await readCsvAs(source, 'utf-8', progress);
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    return readCsvAs(source, 'gb18030', progress);
  }
}
