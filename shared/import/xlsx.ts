/**
 * Reads the first worksheet of an XLSX workbook (Office Open XML SpreadsheetML) into rows of cell
 * values. Unzipping is fflate's; the XML is read with the small scanner in xml-scan.ts. Handles shared
 * strings (including rich-text runs, without the phonetic <rPh> guides), inline strings, formula string
 * results, numbers, booleans, and numbers formatted as dates (turned into `YYYY-MM-DD HH:mm:ss` text in
 * the workbook's wall-clock time). Empty cells are absent from the file, so cells are placed by the
 * column letters of their `r` reference; rows by their `r` number, which is what the operator sees.
 * The archive is opened through the ZIP guard (see xlsx-zip.ts): size caps, a whitelist of parts, and
 * only the parts the reader needs are inflated.
 */
import type { ZipRefusal } from '../zip/guard';
import { excelSerialToWallClockMs, formatWallClock, type ExcelDateSystem } from './excel-date';
import type { CellValue, SourceRecord } from './table-types';
import { openWorkbookZip, type XlsxParts } from './xlsx-zip';
import { scanXml } from './xml-scan';

export type XlsxResult =
  | { readonly ok: true; readonly sheetName: string; readonly records: readonly SourceRecord[] }
  | { readonly ok: false; readonly key: 'import.notXlsx' | 'import.noWorksheet' }
  | ({ readonly ok: false } & ZipRefusal);

/** Built-in number formats that are dates or times, including the CJK locale ones (27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a custom number format code shows a date or time: a y/m/d/h/s token outside quotes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhs]/i.test(bare);
}

/** Column index (0-based) from the letters of a cell reference: A1 → 0, AA7 → 26. Null without letters. */
export function columnIndex(ref: string): number | null {
  const letters = /^[A-Za-z]+/.exec(ref);
  if (letters === null) return null;
  let index = 0;
  for (const ch of letters[0].toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/** Collects the text of <t> elements inside each `container` element, skipping phonetic <rPh> runs. */
function readStringItems(xml: string, container: string): string[] {
  const items: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  for (const token of scanXml(xml)) {
    if (token.kind === 'open' && token.name === container) current = '';
    else if (token.kind === 'empty' && token.name === container) items.push('');
    else if (token.kind === 'close' && token.name === container && current !== null) {
      items.push(current);
      current = null;
    } else if (token.kind === 'open' && token.name === 'rPh') phonetic++;
    else if (token.kind === 'close' && token.name === 'rPh') phonetic--;
    else if (token.kind === 'open' && token.name === 't') inT = true;
    else if (token.kind === 'close' && token.name === 't') inT = false;
    else if (token.kind === 'text' && inT && phonetic === 0 && current !== null) current += token.text;
  }
  return items;
}

/** For each cell style index (the `s` attribute), whether its number format is a date. */
function readDateStyles(xml: string | null): boolean[] {
  if (xml === null) return [];
  const customDate = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  for (const token of scanXml(xml)) {
    if (token.kind === 'close') {
      if (token.name === 'cellXfs') inCellXfs = false;
      continue;
    }
    if (token.kind === 'text') continue;
    if (token.name === 'numFmt') {
      customDate.set(Number(token.attrs.numFmtId), isDateFormatCode(token.attrs.formatCode ?? ''));
    } else if (token.name === 'cellXfs') inCellXfs = token.kind === 'open';
    else if (token.name === 'xf' && inCellXfs) {
      const id = Number(token.attrs.numFmtId ?? '0');
      styles.push(customDate.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
    }
  }
  return styles;
}

interface Workbook {
  readonly sheetName: string;
  readonly sheetPath: string;
  readonly dateSystem: ExcelDateSystem;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function readWorkbook(workbook: string, rels: string, has: (path: string) => boolean): Workbook | null {
  const targets = new Map<string, string>();
  for (const token of scanXml(rels)) {
    if (token.kind !== 'text' && token.kind !== 'close' && token.name === 'Relationship') {
      const type = token.attrs.Type ?? '';
      if (type.endsWith('/worksheet')) targets.set(token.attrs.Id ?? '', token.attrs.Target ?? '');
    }
  }
  let dateSystem: ExcelDateSystem = 1900;
  for (const token of scanXml(workbook)) {
    if (token.kind === 'text' || token.kind === 'close') continue;
    if (token.name === 'workbookPr') {
      const flag = token.attrs.date1904;
      if (flag === '1' || flag === 'true') dateSystem = 1904;
    } else if (token.name === 'sheet') {
      const target = targets.get(token.attrs['r:id'] ?? '');
      if (target !== undefined) {
        return { sheetName: token.attrs.name ?? '', sheetPath: resolveTarget(target), dateSystem };
      }
    }
  }
  return !has('xl/worksheets/sheet1.xml')
    ? null
    : { sheetName: '', sheetPath: 'xl/worksheets/sheet1.xml', dateSystem };
}

interface CellDraft {
  column: number;
  type: string;
  style: number;
  value: string;
  inline: string;
}

function cellValue(
  cell: CellDraft,
  shared: readonly string[],
  dateStyles: readonly boolean[],
  system: ExcelDateSystem,
): CellValue {
  switch (cell.type) {
    case 's':
      return shared[Number(cell.value)] ?? '';
    case 'inlineStr':
      return cell.inline;
    case 'str':
    case 'e':
    case 'd':
      return cell.value;
    case 'b':
      return cell.value === '1' ? 'TRUE' : 'FALSE';
    default: {
      if (cell.value.trim() === '') return '';
      const n = Number(cell.value);
      if (!Number.isFinite(n)) return cell.value;
      return dateStyles[cell.style] === true ? formatWallClock(excelSerialToWallClockMs(n, system)) : n;
    }
  }
}

function readSheet(
  xml: string,
  shared: readonly string[],
  dateStyles: readonly boolean[],
  system: ExcelDateSystem,
): SourceRecord[] {
  const records: SourceRecord[] = [];
  let rowNumber = 0;
  let cells: CellValue[] | null = null;
  let cell: CellDraft | null = null;
  let lastColumn = -1;
  let inValue = false;
  let inInline = 0;
  let inT = false;
  let phonetic = 0;
  for (const token of scanXml(xml)) {
    if (token.kind === 'text') {
      if (cell === null) continue;
      if (inValue) cell.value += token.text;
      else if (inInline > 0 && inT && phonetic === 0) cell.inline += token.text;
      continue;
    }
    const { name } = token;
    if (token.kind === 'close') {
      if (name === 'row' && cells !== null) {
        records.push({ rowNumber, cells });
        cells = null;
      } else if (name === 'c' && cell !== null && cells !== null) {
        cells[cell.column] = cellValue(cell, shared, dateStyles, system);
        cell = null;
      } else if (name === 'v') inValue = false;
      else if (name === 'is') inInline--;
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      continue;
    }
    if (name === 'row') {
      const r = Number(token.attrs.r);
      rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      lastColumn = -1;
      if (token.kind === 'open') cells = [];
      else records.push({ rowNumber, cells: [] });
    } else if (name === 'c' && cells !== null) {
      const column = columnIndex(token.attrs.r ?? '') ?? lastColumn + 1;
      lastColumn = column;
      const draft: CellDraft = {
        column,
        type: token.attrs.t ?? 'n',
        style: Number(token.attrs.s ?? '0'),
        value: '',
        inline: '',
      };
      if (token.kind === 'open') cell = draft;
      else cells[column] = '';
    } else if (token.kind === 'open') {
      if (name === 'v') inValue = true;
      else if (name === 'is') inInline++;
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    }
  }
  // Columns left out before the last cell of a row are empty cells.
  return records.map((record) => ({
    rowNumber: record.rowNumber,
    cells: Array.from(record.cells, (value) => value ?? ''),
  }));
}

/**
 * Reads the first worksheet (in tab order) of an XLSX file named `fileName` (for messages). Returns
 * `import.notXlsx` for bytes that are not a ZIP with a workbook, `import.noWorksheet` for a workbook
 * without a worksheet, and the guard's refusal (`zip.*`, naming the file and the part) for a file or
 * part over its cap, a part no workbook holds, or a part that inflates to more than it declares.
 * Synchronous; the import worker runs it off the UI thread. `onProgress` gets inflated bytes of the
 * parts read so far out of their declared total.
 */
export function readXlsx(
  bytes: Uint8Array,
  fileName = 'workbook.xlsx',
  onProgress?: (done: number, total: number) => void,
): XlsxResult {
  const opened = openWorkbookZip(bytes, fileName);
  if (!opened.ok) return opened;
  const parts: XlsxParts = opened.parts;
  const workbookXml = parts.text('xl/workbook.xml', onProgress);
  if (workbookXml === null) return { ok: false, key: 'import.notXlsx' };
  if (typeof workbookXml !== 'string') return { ok: false, ...workbookXml };
  const rels = parts.text('xl/_rels/workbook.xml.rels', onProgress);
  if (typeof rels !== 'string' && rels !== null) return { ok: false, ...rels };
  const workbook = readWorkbook(workbookXml, rels ?? '', parts.has);
  if (workbook === null || !parts.has(workbook.sheetPath)) return { ok: false, key: 'import.noWorksheet' };
  const sharedXml = parts.text('xl/sharedStrings.xml', onProgress);
  if (sharedXml !== null && typeof sharedXml !== 'string') return { ok: false, ...sharedXml };
  const stylesXml = parts.text('xl/styles.xml', onProgress);
  if (stylesXml !== null && typeof stylesXml !== 'string') return { ok: false, ...stylesXml };
  const sheetXml = parts.text(workbook.sheetPath, onProgress);
  if (typeof sheetXml !== 'string')
    return sheetXml === null ? { ok: false, key: 'import.noWorksheet' } : { ok: false, ...sheetXml };
  const shared = sharedXml === null ? [] : readStringItems(sharedXml, 'si');
  const dateStyles = readDateStyles(stylesXml);
  return {
    ok: true,
    sheetName: workbook.sheetName,
    records: readSheet(sheetXml, shared, dateStyles, workbook.dateSystem),
  };
}
