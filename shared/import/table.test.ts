import { describe, expect, it } from 'vitest';
import { readImportFile } from './table';
import { writeXlsx } from './xlsx-write';

describe('readImportFile', () => {
  it('reads a GBK CSV, skipping blank lines but keeping Excel row numbers', () => {
    // "id,text / (blank) / 1,中文 / 2,\"a⏎b\"" with 中 = D6 D0 and 文 = CE C4 in GBK.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('id,text\r\n\r\n1,'),
      0xd6,
      0xd0,
      0xce,
      0xc4,
      0x0d,
      0x0a,
      ...new TextEncoder().encode('2,"a\nb"\r\n'),
    ]);
    const result = readImportFile('gbk.csv', bytes);
    expect(result).toEqual({
      ok: true,
      table: {
        fileName: 'gbk.csv',
        format: 'csv',
        encoding: 'gb18030',
        headers: ['id', 'text'],
        headerRow: 1,
        rows: [
          { rowNumber: 3, cells: ['1', '中文'] },
          { rowNumber: 4, cells: ['2', 'a\nb'] },
        ],
      },
    });
  });

  it('recognises XLSX by its bytes, whatever the name says', () => {
    const result = readImportFile('export.csv', writeXlsx([[null], ['编号'], ['A1']]));
    expect(result.ok && result.table.format).toBe('xlsx');
    expect(result.ok && result.table.headerRow).toBe(2);
    expect(result.ok && result.table.rows).toEqual([{ rowNumber: 3, cells: ['A1'] }]);
  });

  it('names the file when there is nothing to read', () => {
    expect(readImportFile('空.csv', new Uint8Array())).toEqual({
      ok: false,
      key: 'import.emptyFile',
      params: { file: '空.csv' },
    });
    expect(readImportFile('坏.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({
      ok: false,
      key: 'import.notXlsx',
      params: { file: '坏.xlsx' },
    });
  });
});
