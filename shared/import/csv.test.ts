import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, detectDelimiter, parseCsv } from './csv';
import { decodeText } from './decode';
// The character-by-character parser parseCsv used before it streamed: the oracle for the reader (and the
// import-12345 bench's baseline).
import { legacyParseCsv } from '../../test/bench/import-12345-legacy';

describe('parseCsv', () => {
  it('reads quoted fields with doubled quotes, delimiters and line breaks inside', () => {
    const text = '工单编号,诉求内容\r\n"A1","他说：""占道"",\r\n已多次反映"\r\nA2,plain\r\n';
    expect(parseCsv(text)).toEqual([
      ['工单编号', '诉求内容'],
      ['A1', '他说："占道",\r\n已多次反映'],
      ['A2', 'plain'],
    ]);
  });

  it('accepts LF line ends and no final line break', () => {
    expect(parseCsv('a,b\n1,2\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('does not make a record of the trailing line break but keeps empty fields', () => {
    expect(parseCsv('a,b,c\n1,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
    expect(parseCsv('a,""')).toEqual([['a', '']]);
  });

  it('keeps blank lines in the middle so row numbers stay right', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('ignores a byte-order mark', () => {
    expect(parseCsv('\uFEFFx,y\n1,2')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
  });

  it('detects tab and semicolon delimiters from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('a\tb\tc\n1,2\t3')).toBe('\t');
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
    expect(parseCsv('编号\t内容\nX\t"a\tb"')).toEqual([
      ['编号', '内容'],
      ['X', 'a\tb'],
    ]);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode('工单编号,地址');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(plain)).toEqual({ text: '工单编号,地址', encoding: 'utf-8', hadBom: false });
    expect(decodeText(withBom)).toEqual({ text: '工单编号,地址', encoding: 'utf-8', hadBom: true });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    // "a,中文\r\n" in GBK: 中 = D6 D0, 文 = CE C4.
    const gbk = new Uint8Array([0x61, 0x2c, 0xd6, 0xd0, 0xce, 0xc4, 0x0d, 0x0a]);
    expect(decodeText(gbk)).toEqual({ text: 'a,中文\r\n', encoding: 'gb18030', hadBom: false });
  });
});

describe('CsvRecordReader', () => {
  const alphabet = fc.constantFrom('a', '中', ',', ';', '\t', '"', '""', '\r', '\n', '\r\n', ' ', '\uFEFF');
  const csvText = fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join(''));

  it('reads any text cut into any pieces exactly as the whole-text parser does', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let from = 0;
        for (const p of points) {
          pieces.push(text.slice(from, p));
          from = p;
        }
        pieces.push(text.slice(from));
        const records: string[][] = [];
        const reader = new CsvRecordReader();
        for (const piece of pieces) reader.push(piece, (r) => records.push(r));
        reader.end((r) => records.push(r));
        expect(records).toEqual(legacyParseCsv(text, detectDelimiter(text.replace(/^\uFEFF/, ''))));
      }),
      { numRuns: 3000 },
    );
  });

  it('emits records as their line ends arrive, not at the end of the text', () => {
    const reader = new CsvRecordReader();
    const records: string[][] = [];
    reader.push('编号,内容\r', (r) => records.push(r));
    expect(records).toEqual([['编号', '内容']]);
    reader.push('\nA1,"占', (r) => records.push(r));
    reader.push('道"\r\nA2,x', (r) => records.push(r));
    expect(records).toEqual([
      ['编号', '内容'],
      ['A1', '占道'],
    ]);
    reader.end((r) => records.push(r));
    expect(records.at(-1)).toEqual(['A2', 'x']);
  });
});
