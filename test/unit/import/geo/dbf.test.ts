import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { parseDbf } from 'shpjs';
import { describe, expect, it } from 'vitest';
import { writeDbf } from '../../../../shared/export/geo/dbf';
import { readDbf } from '../../../../shared/import/geo/dbf';

const FIXTURES = join(__dirname, '../../../fixtures/geo');

/** The .dbf of a committed fixture zip (made by ogr2ogr). */
function fixtureDbf(zip: string): Uint8Array {
  const entries = unzipSync(new Uint8Array(readFileSync(join(FIXTURES, zip))));
  const name = Object.keys(entries).find((n) => n.toLowerCase().endsWith('.dbf'));
  if (name === undefined) throw new Error(`${zip} has no .dbf`);
  return entries[name] as Uint8Array;
}

describe('reading a .dbf', () => {
  it('gives what shpjs gives for the GDAL-made GBK and UTF-8 tables', () => {
    for (const [zip, encoding] of [
      ['gk40-gbk.zip', 'gbk'],
      ['cgcs2000-utf8.zip', 'utf-8'],
      ['gk40-gbk-windows-names.zip', 'gbk'],
    ] as const) {
      const dbf = fixtureDbf(zip);
      const records = readDbf(dbf, encoding);
      expect(records.length).toBeGreaterThan(0);
      expect(records).toEqual(parseDbf(dbf, encoding));
    }
  });

  it('gives what shpjs gives for text, numbers and blanks, and names in GBK', () => {
    const table = writeDbf(
      Array.from({ length: 300 }, (_, i) => ({
        code: `G${i}`,
        name: i % 7 === 0 ? '' : `东关社区第${i}网格`,
        area: i % 5 === 0 ? null : i * 12.5,
      })),
      [
        { key: 'code', name: '网格编码' },
        { key: 'name', name: '名称' },
        { key: 'area', name: '面积', type: 'N' },
      ],
      'gbk',
      '2026-12-02',
    );
    if (!table.ok) throw new Error('table not written');
    const records = readDbf(table.bytes, 'gbk');
    expect(records[1]).toEqual({ 网格编码: 'G1', 名称: '东关社区第1网格', 面积: 12.5 });
    expect(records[0]?.['面积']).toBeNaN();
    expect(records).toEqual(parseDbf(table.bytes, 'gbk'));
  });

  it('refuses a table whose records are cut short', () => {
    const dbf = fixtureDbf('gk40-gbk.zip');
    expect(() => readDbf(dbf.subarray(0, dbf.length - 40), 'gbk')).toThrow(RangeError);
    expect(() => readDbf(dbf.subarray(0, 20), 'gbk')).toThrow(RangeError);
  });
});
