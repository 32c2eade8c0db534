import { describe, expect, it } from 'vitest';
import { cpgEncoding, detectDbfEncoding, textSample } from './encoding';

describe('.cpg values as ArcGIS, QGIS and GDAL write them', () => {
  it('map to a label TextDecoder accepts', () => {
    for (const value of [
      '936',
      'ANSI 936',
      'ansi 936',
      'CP936',
      'cp936',
      'MS936',
      'Windows-936',
      'GBK',
      'gbk',
      'GB2312',
      'gb2312',
      '936\r\n',
    ]) {
      expect(cpgEncoding(value), value).toBe('gbk');
    }
    for (const value of ['GB18030', 'gb18030', '54936']) expect(cpgEncoding(value), value).toBe('gb18030');
    for (const value of ['UTF-8', 'utf-8', 'UTF8', 'utf8', '65001', '\uFEFFUTF-8\n']) {
      expect(cpgEncoding(value), value).toBe('utf-8');
    }
    for (const label of ['gbk', 'gb18030', 'utf-8'] as const)
      expect(() => new TextDecoder(label)).not.toThrow();
  });

  it('return null for what they do not name', () => {
    expect(cpgEncoding('1252')).toBeNull();
    expect(cpgEncoding('')).toBeNull();
  });
});

describe('a .dbf with no .cpg', () => {
  // A minimal dBASE III table: one 20-byte character field NAME, one record.
  function dbf(value: Uint8Array): Uint8Array {
    const header = new Uint8Array(32 + 32 + 1);
    const view = new DataView(header.buffer);
    header[0] = 0x03;
    view.setUint32(4, 1, true);
    view.setUint16(8, header.length, true);
    view.setUint16(10, 1 + 20, true);
    header.set(new TextEncoder().encode('NAME'), 32);
    header[32 + 11] = 0x43; // 'C'
    header[32 + 16] = 20;
    header[64] = 0x0d;
    const record = new Uint8Array(21).fill(0x20);
    record.set(value, 1);
    const out = new Uint8Array(header.length + record.length + 1);
    out.set(header);
    out.set(record, header.length);
    out[out.length - 1] = 0x1a;
    return out;
  }

  it('is UTF-8 when its text is valid UTF-8, GB18030 otherwise', () => {
    expect(detectDbfEncoding(dbf(new TextEncoder().encode('鸿山社区')))).toBe('utf-8');
    // 鸿山社区 in GBK.
    expect(detectDbfEncoding(dbf(new Uint8Array([0xba, 0xe8, 0xc9, 0xbd, 0xc9, 0xe7, 0xc7, 0xf8])))).toBe(
      'gb18030',
    );
    expect(
      new TextDecoder('gb18030').decode(new Uint8Array([0xba, 0xe8, 0xc9, 0xbd, 0xc9, 0xe7, 0xc7, 0xf8])),
    ).toBe('鸿山社区');
  });
});

describe('the sample shown to confirm the encoding', () => {
  it('takes names first and Chinese text before codes', () => {
    const records = [
      { CODE: '001', NAME: '鸿山社区', TEAM: '第一中队' },
      { CODE: '002', NAME: '新安村', TEAM: '第一中队' },
    ];
    expect(textSample(records, 3)).toEqual(['鸿山社区', '新安村', '第一中队']);
    expect(textSample([{ CODE: '001' }])).toEqual(['001']);
    expect(textSample([])).toEqual([]);
  });
});
