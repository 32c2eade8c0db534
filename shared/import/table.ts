/**
 * From the bytes of a chosen file to an {@link ImportTable}: XLSX when the bytes are a ZIP archive
 * (whatever the extension says), else CSV text in UTF-8 or GB18030.
 */
import { parseCsv } from './csv';
import { decodeText } from './decode';
import type { CellValue, ImportTable, SourceRecord } from './table-types';
import { readXlsx } from './xlsx';

export type ReadFileResult =
  | { readonly ok: true; readonly table: ImportTable }
  | {
      readonly ok: false;
      readonly key: 'import.notXlsx' | 'import.noWorksheet' | 'import.emptyFile';
      readonly params: { readonly file: string };
    };

function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => typeof cell === 'string' && cell.trim() === '');
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
  const headerIndex = records.findIndex((record) => !isBlank(record.cells));
  const header = records[headerIndex];
  if (header === undefined) return null;
  return {
    fileName,
    format,
    encoding,
    headers: header.cells.map((cell) => String(cell).trim()),
    headerRow: header.rowNumber,
    rows: records.slice(headerIndex + 1).filter((record) => !isBlank(record.cells)),
  };
}

function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/**
 * Reads a 12345 export (CSV or XLSX) into a table. A CSV record's row number is its record number, which
 * is the row Excel shows when it opens the file, even when a quoted field holds line breaks.
 * Errors are values naming the file: not a readable workbook, no worksheet, or nothing in the file.
 */
export function readImportFile(fileName: string, bytes: Uint8Array): ReadFileResult {
  let table: ImportTable | null;
  if (isZip(bytes)) {
    const result = readXlsx(bytes);
    if (!result.ok) return { ok: false, key: result.key, params: { file: fileName } };
    table = tableFromRecords(fileName, 'xlsx', 'utf-8', result.records);
  } else {
    const decoded = decodeText(bytes);
    const records = parseCsv(decoded.text).map((cells, k) => ({ rowNumber: k + 1, cells }));
    table = tableFromRecords(fileName, 'csv', decoded.encoding, records);
  }
  if (table === null) return { ok: false, key: 'import.emptyFile', params: { file: fileName } };
  return { ok: true, table };
}
