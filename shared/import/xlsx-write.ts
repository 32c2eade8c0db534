/**
 * Writes a minimal, valid single-sheet XLSX workbook (ECMA-376 SpreadsheetML) with fflate's zipSync:
 * shared strings (plain or as rich-text runs), inline strings, numbers and date-time cells (an Excel
 * serial with a `yyyy-mm-dd hh:mm:ss` number format). Enough for sample exports and for round-trip
 * tests of the reader; Excel, WPS and LibreOffice open it.
 */
import { zipSync, strToU8 } from 'fflate';

export type XlsxCellInput =
  | string
  | number
  | null
  /** A 1900-system Excel serial shown as a date-time. */
  | { readonly serial: number }
  /** A shared string stored as rich-text runs (as Excel saves a cell with mixed formatting). */
  | { readonly runs: readonly string[] }
  /** A string stored inline in the sheet instead of in the shared-string table. */
  | { readonly inline: string };

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Escapes text for XML content and attributes; drops control characters XML 1.0 does not allow. */
export function escapeXml(text: string): string {
  let allowed = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) allowed += ch;
  }
  return allowed
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function textElement(text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeXml(text)}</t>`;
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const contentTypes = (sheetCount: number): string =>
  XML_HEADER +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  Array.from(
    { length: sheetCount },
    (_, k) =>
      `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('') +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '</Types>';

const ROOT_RELS =
  XML_HEADER +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

/**
 * Relationship id of the k-th sheet (0-based): rId1 for the first, then rId4, rId5… after the styles
 * (rId2) and the shared strings (rId3), so that a one-sheet workbook is byte-identical to what this
 * writer made before it wrote several sheets (committed sample files are compared byte for byte).
 */
const sheetRelId = (k: number): string => `rId${k === 0 ? 1 : k + 3}`;

const sheetRel = (k: number): string =>
  `<Relationship Id="${sheetRelId(k)}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`;

const workbookRels = (sheetCount: number): string =>
  XML_HEADER +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  sheetRel(0) +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
  Array.from({ length: sheetCount - 1 }, (_, k) => sheetRel(k + 1)).join('') +
  '</Relationships>';

/** Style 0: General; style 1: date-time (custom format 164). */
const STYLES =
  XML_HEADER +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd hh:mm:ss"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** One worksheet of a workbook: its tab name, its rows (the first usually the header), column widths. */
export interface XlsxSheetInput {
  /** At most 31 characters, none of `[]:*?/\`, unique in the workbook (Excel refuses the file else). */
  readonly name: string;
  readonly rows: readonly (readonly XlsxCellInput[])[];
  /** Widths of the first columns in Excel's character units; columns past the list keep the default. */
  readonly columnWidths?: readonly number[];
}

/**
 * Builds the bytes of an XLSX file with one worksheet holding `rows` (the first row is usually the
 * header). `null` cells are left out, as Excel leaves out empty cells.
 */
export function writeXlsx(rows: readonly (readonly XlsxCellInput[])[], sheetName = 'Sheet1'): Uint8Array {
  return writeXlsxWorkbook([{ name: sheetName, rows }]);
}

/**
 * Builds the bytes of an XLSX file with the worksheets in tab order (the first is the one a reader
 * such as readXlsx takes). Cells as for {@link writeXlsx}; shared strings are shared across sheets.
 */
export function writeXlsxWorkbook(sheets: readonly XlsxSheetInput[]): Uint8Array {
  if (sheets.length === 0) throw new Error('an XLSX workbook needs at least one sheet');
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const share = (key: string, xml: string): number => {
    let index = sharedIndex.get(key);
    if (index === undefined) {
      index = shared.length;
      shared.push(xml);
      sharedIndex.set(key, index);
    }
    return index;
  };
  const sheetXml = (rows: XlsxSheetInput['rows'], widths: readonly number[]): string => {
    const sheetRows = rows.map((row, r) => {
      const cells = row.map((value, c) => {
        const ref = `${columnLetters(c)}${r + 1}`;
        if (value === null) return '';
        if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
        if (typeof value === 'string')
          return `<c r="${ref}" t="s"><v>${share(`s:${value}`, `<si>${textElement(value)}</si>`)}</v></c>`;
        if ('serial' in value) return `<c r="${ref}" s="1"><v>${value.serial}</v></c>`;
        if ('inline' in value) return `<c r="${ref}" t="inlineStr"><is>${textElement(value.inline)}</is></c>`;
        const runs = value.runs
          .map((run, k) => `<r>${k % 2 === 1 ? '<rPr><b/></rPr>' : ''}${textElement(run)}</r>`)
          .join('');
        return `<c r="${ref}" t="s"><v>${share(`r:${JSON.stringify(value.runs)}`, `<si>${runs}</si>`)}</v></c>`;
      });
      return `<row r="${r + 1}">${cells.join('')}</row>`;
    });
    const cols =
      widths.length === 0
        ? ''
        : `<cols>${widths.map((w, k) => `<col min="${k + 1}" max="${k + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
    return (
      XML_HEADER +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${cols}<sheetData>${sheetRows.join('')}</sheetData></worksheet>`
    );
  };
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, k) => {
    files[`xl/worksheets/sheet${k + 1}.xml`] = strToU8(sheetXml(sheet.rows, sheet.columnWidths ?? []));
  });
  const workbook =
    XML_HEADER +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
    sheets
      .map(
        (sheet, k) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${k + 1}" r:id="${sheetRelId(k)}"/>`,
      )
      .join('') +
    '</sheets></workbook>';
  const sharedStrings =
    XML_HEADER +
    `<sst xmlns="${MAIN_NS}" count="${shared.length}" uniqueCount="${shared.length}">${shared.join('')}</sst>`;
  return zipSync(
    {
      '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(workbook),
      'xl/_rels/workbook.xml.rels': strToU8(workbookRels(sheets.length)),
      'xl/styles.xml': strToU8(STYLES),
      'xl/sharedStrings.xml': strToU8(sharedStrings),
      ...files,
    },
    // A fixed timestamp keeps the file byte-identical between runs (fflate stores local DOS time).
    { level: 6, mtime: new Date(2026, 0, 1) },
  );
}
