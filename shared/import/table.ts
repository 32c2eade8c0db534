/**
 * From the bytes of a chosen file to an {@link ImportTable}: XLSX when the bytes are a ZIP archive
 * (whatever the extension says), else CSV text in UTF-8 or GB18030. Files are size-checked before they
 * are read, and a table stops growing at the row limit (see {@link IMPORT_LIMITS}).
 */
import type { ZipRefusal } from '../zip/guard';
import { megabytes } from '../zip/guard';
import { parseCsv } from './csv';
import { decodeText } from './decode';
import type { CellValue, ImportTable, SourceRecord } from './table-types';
import { readXlsx } from './xlsx';
import { XLSX_LIMITS } from './xlsx-zip';

const MiB = 1024 * 1024;

/**
 * What the import reads: a CSV file of at most 100 MB, an XLSX file within {@link XLSX_LIMITS}, and at
 * most 300,000 data rows either way (a county's year of 12345 calls; a 50 MB export is ≈ 200,000).
 */
export const IMPORT_LIMITS = {
  maxCsvBytes: 100 * MiB,
  maxXlsxBytes: XLSX_LIMITS.maxFileBytes,
  maxRows: 300_000,
} as const;

/** Why a file cannot be read; every one names the file. */
export type ReadFileProblem =
  | {
      readonly key: 'import.notXlsx' | 'import.noWorksheet' | 'import.emptyFile';
      readonly params: { readonly file: string };
    }
  | {
      readonly key: 'import.fileTooBig';
      readonly params: { readonly file: string; readonly size: number; readonly limit: number };
    }
  | { readonly key: 'import.tooManyRows'; readonly params: { readonly file: string; readonly limit: number } }
  | ZipRefusal;

export type ReadFileResult =
  { readonly ok: true; readonly table: ImportTable } | ({ readonly ok: false } & ReadFileProblem);

function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => typeof cell === 'string' && cell.trim() === '');
}

/**
 * Builds a table record by record, as a file is read: the header is the first non-blank record, the
 * rows the non-blank records after it. `add` answers false once the rows pass `maxRows`.
 */
export class TableBuilder {
  private headerCells: readonly CellValue[] | null = null;
  private headerRow = 0;
  private readonly rows: SourceRecord[] = [];

  constructor(private readonly maxRows: number) {}

  get rowCount(): number {
    return this.rows.length;
  }

  add(rowNumber: number, cells: readonly CellValue[]): boolean {
    if (isBlank(cells)) return true;
    if (this.headerCells === null) {
      this.headerCells = cells;
      this.headerRow = rowNumber;
      return true;
    }
    if (this.rows.length >= this.maxRows) return false;
    this.rows.push({ rowNumber, cells });
    return true;
  }

  /** The table, or null when no record had any content. Header names are trimmed. */
  finish(
    fileName: string,
    format: ImportTable['format'],
    encoding: ImportTable['encoding'],
  ): ImportTable | null {
    if (this.headerCells === null) return null;
    return {
      fileName,
      format,
      encoding,
      headers: this.headerCells.map((cell) => String(cell).trim()),
      headerRow: this.headerRow,
      rows: this.rows,
    };
  }
}

/**
 * Splits records into the header (the first non-blank record) and the non-blank data rows after it.
 * Header names are trimmed. Returns null when there is no header.
 */
export function tableFromRecords(
  fileName: string,
  format: ImportTable['format'],
  encoding: ImportTable['encoding'],
  records: readonly SourceRecord[],
): ImportTable | null {
  const builder = new TableBuilder(Infinity);
  for (const record of records) builder.add(record.rowNumber, record.cells);
  return builder.finish(fileName, format, encoding);
}

/** Whether the first bytes are a ZIP local file header (an XLSX workbook). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** The size check made before a file is read: null when `size` (bytes) is within the format's limit. */
export function checkImportSize(fileName: string, size: number, xlsx: boolean): ReadFileProblem | null {
  const limit = xlsx ? IMPORT_LIMITS.maxXlsxBytes : IMPORT_LIMITS.maxCsvBytes;
  if (size <= limit) return null;
  return {
    key: 'import.fileTooBig',
    params: { file: fileName, size: megabytes(size), limit: megabytes(limit) },
  };
}

/** A table of the records, or the problem: nothing in the file, or more rows than the limit. */
export function finishTable(
  fileName: string,
  format: ImportTable['format'],
  encoding: ImportTable['encoding'],
  records: Iterable<SourceRecord>,
): ReadFileResult {
  const builder = new TableBuilder(IMPORT_LIMITS.maxRows);
  for (const record of records) {
    if (!builder.add(record.rowNumber, record.cells)) {
      return {
        ok: false,
        key: 'import.tooManyRows',
        params: { file: fileName, limit: IMPORT_LIMITS.maxRows },
      };
    }
  }
  const table = builder.finish(fileName, format, encoding);
  if (table === null) return { ok: false, key: 'import.emptyFile', params: { file: fileName } };
  return { ok: true, table };
}

/**
 * Reads a 12345 export (CSV or XLSX) held in memory into a table, on the calling thread. A CSV record's
 * row number is its record number, which is the row Excel shows when it opens the file, even when a
 * quoted field holds line breaks. Errors are values naming the file: too big, not a readable workbook
 * (or one the ZIP guard refuses, naming the part), no worksheet, nothing in the file, too many rows.
 * The import dialog reads files in a worker, streaming (see stream-read.ts); this is the same result.
 */
export function readImportFile(fileName: string, bytes: Uint8Array): ReadFileResult {
  const xlsx = isZip(bytes);
  const tooBig = checkImportSize(fileName, bytes.length, xlsx);
  if (tooBig !== null) return { ok: false, ...tooBig };
  if (xlsx) {
    const result = readXlsx(bytes, fileName);
    if (!result.ok) {
      return 'params' in result ? result : { ok: false, key: result.key, params: { file: fileName } };
    }
    return finishTable(fileName, 'xlsx', 'utf-8', result.records);
  }
  const decoded = decodeText(bytes);
  const records = parseCsv(decoded.text).map((cells, k) => ({ rowNumber: k + 1, cells }));
  return finishTable(fileName, 'csv', decoded.encoding, records);
}
