import { describe, expect, it } from 'vitest';
import { deflatedZeros, writeForgedZip } from '../zip/test-zip';
import { IMPORT_LIMITS, readImportFile } from './table';
import { blobSource, readImportSource, type ImportSource, type ReadProgress } from './stream-read';
import { writeXlsx } from './xlsx-write';

/** A Blob whose stream() hands out pieces of `size` bytes, as a browser File does (64 KiB there). */
function pieces(bytes: Uint8Array, size: number, name: string): ImportSource {
  const whole = blobSource(new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return {
    ...whole,
    chunks: () => ({
      async *[Symbol.asyncIterator]() {
        for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
      },
    }),
  };
}

const GBK_BYTES = new Uint8Array([
  ...new TextEncoder().encode('id,text\r\n\r\n1,'),
  0xd6,
  0xd0,
  0xce,
  0xc4,
  0x0d,
  0x0a,
  ...new TextEncoder().encode('2,"a\nb"\r\n'),
]);

describe('readImportSource', () => {
  it('reads a CSV streamed in pieces that split characters, CRLFs and quotes into the same table', async () => {
    const text = '\uFEFF工单编号,诉求内容\r\nA1,"他说：""占道"",\r\n已多次反映"\r\n\r\nA2,噪音扰民\r\n';
    const bytes = new TextEncoder().encode(text);
    const whole = readImportFile('12345.csv', bytes);
    for (const size of [1, 2, 3, 7, 64]) {
      expect(await readImportSource(pieces(bytes, size, '12345.csv'))).toEqual(whole);
    }
    expect(whole.ok && whole.table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('starts over in GB18030 when the bytes are not UTF-8, with Excel row numbers', async () => {
    const result = await readImportSource(pieces(GBK_BYTES, 3, 'gbk.csv'));
    expect(result).toEqual(readImportFile('gbk.csv', GBK_BYTES));
    expect(result.ok && result.table.encoding).toBe('gb18030');
    expect(result.ok && result.table.rows[0]).toEqual({ rowNumber: 3, cells: ['1', '中文'] });
  });

  it('reads an XLSX workbook through the ZIP guard', async () => {
    const bytes = writeXlsx([[null], ['编号'], ['A1']]);
    const result = await readImportSource(blobSource(new Blob([bytes as Uint8Array<ArrayBuffer>]), 'x.csv'));
    expect(result.ok && result.table.format).toBe('xlsx');
    expect(result.ok && result.table.rows).toEqual([{ rowNumber: 3, cells: ['A1'] }]);
  });

  it('refuses a file over the size limit before reading a byte of it', async () => {
    const size = IMPORT_LIMITS.maxCsvBytes + 1;
    const untouchable: ImportSource = {
      name: '全年.csv',
      size,
      head: async () => new TextEncoder().encode('工单'),
      chunks: () => {
        throw new Error('read although too big');
      },
      all: () => {
        throw new Error('read although too big');
      },
    };
    expect(await readImportSource(untouchable)).toEqual({
      ok: false,
      key: 'import.fileTooBig',
      params: { file: '全年.csv', size: 100, limit: 100 },
    });
  });

  it('stops at the row limit and says so, naming the file', async () => {
    const rows = (n: number) => new TextEncoder().encode(`编号\n${'1\n'.repeat(n)}`);
    const blob = (n: number) => blobSource(new Blob([rows(n)]), '县.csv');
    const atLimit = await readImportSource(blob(IMPORT_LIMITS.maxRows));
    expect(atLimit.ok && atLimit.table.rows.length).toBe(IMPORT_LIMITS.maxRows);
    expect(await readImportSource(blob(IMPORT_LIMITS.maxRows + 1))).toEqual({
      ok: false,
      key: 'import.tooManyRows',
      params: { file: '县.csv', limit: IMPORT_LIMITS.maxRows },
    });
  });

  it('reports progress in bytes of the file, ending at its size', async () => {
    const bytes = new TextEncoder().encode(`编号,内容\n${'A,占道经营\n'.repeat(100_000)}`);
    const seen: ReadProgress[] = [];
    await readImportSource(pieces(bytes, 64 * 1024, 'p.csv'), (p) => seen.push(p));
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toEqual({ phase: 'read', done: bytes.length, total: bytes.length, rows: 100_000 });
    expect(seen.every((p, k) => k === 0 || p.done >= (seen[k - 1]?.done ?? 0))).toBe(true);
  });

  it('refuses a workbook whose worksheet declares 1 GiB, naming the file and the part', async () => {
    const workbook = new TextEncoder().encode(
      '<workbook><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>',
    );
    const bomb = writeForgedZip([
      { name: 'xl/workbook.xml', data: workbook, method: 0, declaredSize: workbook.length },
      { name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(2 ** 30), method: 8, declaredSize: 2 ** 30 },
    ]);
    const result = await readImportSource(
      blobSource(new Blob([bomb as Uint8Array<ArrayBuffer>]), '工单.xlsx'),
    );
    expect(result).toEqual({
      ok: false,
      key: 'zip.entryTooBig',
      params: { file: '工单.xlsx', entry: 'xl/worksheets/sheet1.xml', size: 1024, limit: 256 },
    });
  });
});
