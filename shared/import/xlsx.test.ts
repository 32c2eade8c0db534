import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnIndex, isDateFormatCode, readXlsx } from './xlsx';
import { writeXlsx } from './xlsx-write';
import { deflatedEntry, deflatedZeros, writeForgedZip, type ForgedEntry } from '../zip/test-zip';
import { decodeXmlEntities } from './xml-scan';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook whose parts are written by hand, the way various writers (Excel, WPS, .NET SDK) emit them. */
function workbook(parts: {
  sheet: string;
  shared?: string;
  styles?: string;
  workbookPr?: string;
}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}">${parts.workbookPr ?? ''}<sheets>` +
        `<sheet name="数据" sheetId="7" r:id="rId9"/><sheet name="其他" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId9" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
    ),
    'xl/worksheets/sheet2.xml': strToU8(parts.sheet),
  };
  if (parts.shared !== undefined) files['xl/sharedStrings.xml'] = strToU8(parts.shared);
  if (parts.styles !== undefined) files['xl/styles.xml'] = strToU8(parts.styles);
  return zipSync(files);
}

describe('readXlsx', () => {
  it('reads the first sheet in tab order with shared, rich, inline and entity-laden strings', () => {
    const shared =
      `<sst ${NS}><si><t>工单编号</t></si>` +
      `<si><r><t>占道</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 经营 &amp; &lt;摆摊&gt;</t></r>` +
      `<rPh sb="0" eb="1"><t>ZHAN</t></rPh></si>` +
      `<si><t>&#20013;&#x6587; &quot;引号&quot; &apos;</t></si></sst>`;
    const sheet =
      `<worksheet ${NS}><sheetData>` +
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>` +
      `<row r="3"><c r="A3" t="s"><v>1</v></c><c r="D3"><v>120.5</v></c><c r="E3" t="inlineStr"><is><t>行内</t></is></c></row>` +
      `<row r="4"><c r="B4" t="str"><f>A3</f><v>公式结果</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#N/A</v></c></row>` +
      `</sheetData></worksheet>`;
    const result = readXlsx(workbook({ sheet, shared }));
    expect(result).toEqual({
      ok: true,
      sheetName: '数据',
      records: [
        { rowNumber: 1, cells: ['工单编号', '中文 "引号" \''] },
        { rowNumber: 3, cells: ['占道 经营 & <摆摊>', '', '', 120.5, '行内'] },
        { rowNumber: 4, cells: ['', '公式结果', 'TRUE', '#N/A'] },
      ],
    });
  });

  it('places cells without an r attribute after the previous one and reads prefixed elements', () => {
    const sheet =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>` +
      `<x:row><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const result = readXlsx(workbook({ sheet }));
    expect(result.ok && result.records).toEqual([
      { rowNumber: 1, cells: ['a', 2] },
      { rowNumber: 2, cells: ['', '', 3, 4] },
    ]);
  });

  it('turns date-formatted numbers into wall-clock text, in the 1900 and 1904 systems', () => {
    const styles =
      `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; h:mm"/></numFmts>` +
      `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
      `<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="170"/><xf numFmtId="2"/></cellXfs></styleSheet>`;
    const serial = 46346 + 37 / 96; // 2026-11-20 09:15 in the 1900 system
    const sheet =
      `<worksheet ${NS}><sheetData><row r="1">` +
      `<c r="A1" s="1"><v>${serial}</v></c><c r="B1" s="2"><v>${serial}</v></c>` +
      `<c r="C1" s="3"><v>${serial}</v></c><c r="D1"><v>${serial}</v></c></row></sheetData></worksheet>`;
    const r1900 = readXlsx(workbook({ sheet, styles }));
    expect(r1900.ok && r1900.records[0]?.cells).toEqual([
      '2026-11-20 09:15:00',
      '2026-11-20 09:15:00',
      serial,
      serial,
    ]);
    const r1904 = readXlsx(workbook({ sheet, styles, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(r1904.ok && r1904.records[0]?.cells[0]).toBe('2030-11-21 09:15:00');
  });

  it('round-trips what writeXlsx writes', () => {
    const bytes = writeXlsx([
      ['编号', '时间', '内容', '经度'],
      ['A&B<1>', { serial: 46346.5 }, { runs: ['前半', '后半'] }, 120.123456],
      [null, null, { inline: ' 行内 \n换行' }, null],
    ]);
    const result = readXlsx(bytes);
    expect(result.ok && result.records).toEqual([
      { rowNumber: 1, cells: ['编号', '时间', '内容', '经度'] },
      { rowNumber: 2, cells: ['A&B<1>', '2026-11-20 12:00:00', '前半后半', 120.123456] },
      { rowNumber: 3, cells: ['', '', ' 行内 \n换行'] },
    ]);
  });

  it('refuses bytes that are not a workbook', () => {
    expect(readXlsx(new TextEncoder().encode('a,b\n1,2'))).toEqual({ ok: false, key: 'import.notXlsx' });
    expect(readXlsx(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toEqual({
      ok: false,
      key: 'import.notXlsx',
    });
  });
});

describe('readXlsx against zip bombs', () => {
  const sheetPath = 'xl/worksheets/sheet1.xml';
  /** The parts of a one-sheet workbook written by writeXlsx, with `sheet` standing in for its sheet. */
  function withSheet(sheet: ForgedEntry, extra: readonly ForgedEntry[] = []): Uint8Array {
    const honest = unzipSync(writeXlsx([['编号'], ['A1']]));
    const parts = Object.entries(honest)
      .filter(([name]) => name !== sheetPath)
      .map(([name, bytes]) => deflatedEntry(name, bytes));
    return writeForgedZip([...parts, sheet, ...extra]);
  }

  it('reads a workbook that carries images, themes and properties it does not need', () => {
    const honestSheet = unzipSync(writeXlsx([['编号'], ['A1']]))[sheetPath] as Uint8Array;
    const bytes = withSheet(deflatedEntry(sheetPath, honestSheet), [
      { name: 'xl/media/image1.png', data: deflatedZeros(2 ** 30), method: 8, declaredSize: 2 ** 30 },
      deflatedEntry('docProps/core.xml', strToU8('<cp/>')),
      deflatedEntry('xl/theme/theme1.xml', strToU8('<a:theme/>')),
    ]);
    expect(readXlsx(bytes, '工单.xlsx')).toMatchObject({
      ok: true,
      records: [{ cells: ['编号'] }, { cells: ['A1'] }],
    });
  });

  it('refuses a worksheet that declares 1 GiB before inflating it', () => {
    const bytes = withSheet({
      name: sheetPath,
      data: deflatedZeros(2 ** 30),
      method: 8,
      declaredSize: 2 ** 30,
    });
    expect(bytes.length).toBeLessThan(8 * 2 ** 20);
    expect(readXlsx(bytes, '工单.xlsx')).toEqual({
      ok: false,
      key: 'zip.entryTooBig',
      params: { file: '工单.xlsx', entry: sheetPath, size: 1024, limit: 256 },
    });
  });

  it('stops at the declared size of a worksheet whose header lies', () => {
    const bytes = withSheet({ name: sheetPath, data: deflatedZeros(2 ** 30), method: 8, declaredSize: 4096 });
    expect(readXlsx(bytes, '工单.xlsx')).toEqual({
      ok: false,
      key: 'zip.sizeMismatch',
      params: { file: '工单.xlsx', entry: sheetPath, declared: 4096 },
    });
  });

  it('refuses a part no workbook holds, naming it', () => {
    const honestSheet = unzipSync(writeXlsx([['编号'], ['A1']]))[sheetPath] as Uint8Array;
    const bytes = withSheet(deflatedEntry(sheetPath, honestSheet), [
      deflatedEntry('payload/run.exe', strToU8('MZ')),
    ]);
    expect(readXlsx(bytes, '工单.xlsx')).toEqual({
      ok: false,
      key: 'zip.entryNotAllowed',
      params: { file: '工单.xlsx', entry: 'payload/run.exe' },
    });
  });
});

describe('XLSX helpers', () => {
  it('reads column letters', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('Z9')).toBe(25);
    expect(columnIndex('AA10')).toBe(26);
    expect(columnIndex('XFD1')).toBe(16383);
    expect(columnIndex('12')).toBeNull();
  });

  it('tells date formats from number formats', () => {
    expect(isDateFormatCode('yyyy-mm-dd hh:mm:ss')).toBe(true);
    expect(isDateFormatCode('[$-F800]dddd, mmmm dd, yyyy')).toBe(true);
    expect(isDateFormatCode('0.00"元"')).toBe(false);
    expect(isDateFormatCode('[Red]#,##0')).toBe(false);
    expect(isDateFormatCode('General')).toBe(false);
  });

  it('decodes XML entities and leaves unknown ones', () => {
    expect(decodeXmlEntities('&lt;a&gt; &amp;amp; &#x4E2D;&#25991; &nbsp;')).toBe('<a> &amp; 中文 &nbsp;');
  });
});
