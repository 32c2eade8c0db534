import { parseDbf } from 'shpjs';
import { describe, expect, it } from 'vitest';
import { dbfFieldNames, writeDbf, type DbfColumn } from './dbf';

const read = (bytes: Uint8Array, encoding: string) => parseDbf(bytes, encoding);

function fieldDescriptors(bytes: Uint8Array): { type: string; length: number; decimals: number }[] {
  const out = [];
  for (let at = 32; bytes[at] !== 0x0d; at += 32) {
    out.push({
      type: String.fromCharCode(bytes[at + 11]!),
      length: bytes[at + 16]!,
      decimals: bytes[at + 17]!,
    });
  }
  return out;
}

describe('dBASE field names', () => {
  it('keeps names that fit 10 bytes in the encoding and shortens the others at a character boundary', () => {
    expect(dbfFieldNames(['网格编码', '行政区划名称', 'description'], 'gbk')).toEqual({
      names: ['网格编码', '行政区划名', 'descriptio'],
      renamed: [
        { from: '行政区划名称', to: '行政区划名' },
        { from: 'description', to: 'descriptio' },
      ],
    });
    // The same names are 12 and 18 bytes in UTF-8.
    expect(dbfFieldNames(['网格编码', '行政区划名称'], 'utf-8').names).toEqual(['网格编', '行政区']);
  });

  it('numbers names that would collide after shortening, the same way every time', () => {
    const names = ['网格名称一', '网格名称二', 'description', 'description2', 'DESCRIPTIO'];
    const first = dbfFieldNames(names, 'utf-8');
    expect(first.names).toEqual(['网格名', '网格_1', 'descriptio', 'descript_1', 'DESCRIPT_2']);
    expect(dbfFieldNames(names, 'utf-8')).toEqual(first);
  });
});

describe('the dBASE III table', () => {
  const columns: DbfColumn[] = [
    { key: 'code', name: '网格编码' },
    { key: 'name', name: '网格名称' },
    { key: 'area', name: '面积' },
    { key: 'count', name: 'count' },
  ];
  const records = [
    { code: '321281118001001', name: '梅村', area: 12345.67, count: 3 },
    { code: '321281118001002', name: '新安村·荡口片', area: 0.5, count: null },
  ];

  it('sizes character fields to the longest value in bytes of the encoding', () => {
    const gbk = writeDbf(records, columns, 'gbk', '2026-12-02');
    const utf8 = writeDbf(records, columns, 'utf-8', '2026-12-02');
    if (!gbk.ok || !utf8.ok) throw new Error('expected tables');
    expect(fieldDescriptors(gbk.bytes)).toEqual([
      { type: 'C', length: 15, decimals: 0 },
      { type: 'C', length: 14, decimals: 0 },
      { type: 'N', length: 8, decimals: 2 },
      { type: 'N', length: 1, decimals: 0 },
    ]);
    expect(fieldDescriptors(utf8.bytes)[1]).toEqual({ type: 'C', length: 20, decimals: 0 });
  });

  it('reads back with the same values, names and header (date, record count, code page)', () => {
    const table = writeDbf(records, columns, 'gbk', '2026-12-02');
    if (!table.ok) throw new Error('expected a table');
    expect(read(table.bytes, 'gbk')).toEqual([
      { 网格编码: '321281118001001', 网格名称: '梅村', 面积: 12345.67, count: 3 },
      // A blank number: shpjs reads NaN (GDAL reads null).
      { 网格编码: '321281118001002', 网格名称: '新安村·荡口片', 面积: 0.5, count: NaN },
    ]);
    expect(table.bytes.includes(0x20)).toBe(true);
    expect([...table.bytes.subarray(0, 4)]).toEqual([0x03, 126, 12, 2]);
    expect(new DataView(table.bytes.buffer).getUint32(4, true)).toBe(2);
    expect(table.bytes[29]).toBe(0x4d); // language driver: code page 936
    expect(table.bytes[table.bytes.length - 1]).toBe(0x1a);
  });

  it('names the feature and field of a character GBK cannot hold', () => {
    const table = writeDbf(
      [{ name: '王明' }, { name: '李𠀀' }],
      [{ key: 'name', name: '姓名' }],
      'gbk',
      '2026-12-02',
    );
    expect(table).toEqual({
      ok: false,
      problems: [{ key: 'geoExport.dbf.notEncodable', feature: 2, field: '姓名', char: '𠀀' }],
    });
    expect(writeDbf([{ name: '李𠀀' }], [{ key: 'name', name: '姓名' }], 'utf-8', '2026-12-02').ok).toBe(
      true,
    );
  });

  it('refuses text over 254 bytes, unless the column is free text, which is cut at a character', () => {
    const long = '占'.repeat(130); // 260 bytes in GBK
    const refused = writeDbf([{ d: long }], [{ key: 'd', name: 'd' }], 'gbk', '2026-12-02');
    expect(refused).toEqual({
      ok: false,
      problems: [{ key: 'geoExport.dbf.valueTooLong', feature: 1, field: 'd', bytes: 260 }],
    });
    const cut = writeDbf([{ d: long }], [{ key: 'd', name: 'd', truncate: true }], 'gbk', '2026-12-02');
    if (!cut.ok) throw new Error('expected a table');
    expect(cut.truncated).toEqual([{ feature: 1, field: 'd' }]);
    expect(read(cut.bytes, 'gbk')[0]).toEqual({ d: '占'.repeat(127) });
  });
});
