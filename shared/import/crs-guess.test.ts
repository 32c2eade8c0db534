import { describe, expect, it } from 'vitest';
import { fromWgs84, wgs84ToGcj02 } from '../geo/coord-systems';
import type { AreaGeometry, LonLat } from '../model/geo';
import { crsFit, parseCoordSystemName, statedCoordSystem, suggestCoordSystem } from './crs-guess';
import { guessMapping } from './mapping';
import { tableFromRecords } from './table';
import type { CellValue, ImportTable } from './table-types';

function table(headers: readonly string[], rows: readonly (readonly CellValue[])[]): ImportTable {
  const records = [headers, ...rows].map((cells, k) => ({ rowNumber: k + 1, cells }));
  const result = tableFromRecords('热线.csv', 'csv', 'utf-8', records);
  if (result === null) throw new Error('no table');
  return result;
}

/** A 2 km square township near 兴化 (WGS84). */
const W = 119.98;
const S = 32.85;
const SIDE = 0.02;
const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [W, S],
      [W + SIDE, S],
      [W + SIDE, S + SIDE],
      [W, S + SIDE],
      [W, S],
    ],
  ],
};

/** True points on a 5 × 5 lattice over the whole square, edges included, 100 m in from them. */
const truth: LonLat[] = [];
for (let i = 0; i < 5; i++)
  for (let j = 0; j < 5; j++) truth.push([W + 0.001 + (i * 0.018) / 4, S + 0.001 + (j * 0.018) / 4]);

describe('statedCoordSystem', () => {
  it('takes the system from a remark in the coordinate headers', () => {
    const t = table(['经度（GCJ-02）', '纬度（GCJ-02）'], [[120, 32.8]]);
    expect(statedCoordSystem(t, guessMapping(t.headers))).toEqual({
      system: 'gcj02',
      from: 'header',
      header: '经度（GCJ-02）',
    });
  });

  it('takes it from a 坐标系 column that says one system on every row', () => {
    const t = table(
      ['经度', '纬度', '坐标系'],
      [
        [120, 32.8, 'BD09'],
        [120, 32.8, ''],
        [120, 32.8, '百度'],
      ],
    );
    expect(statedCoordSystem(t, guessMapping(t.headers))).toMatchObject({ system: 'bd09', from: 'column' });
  });

  it('says nothing when the file states nothing, or its rows are in mixed systems', () => {
    const plain = table(['经度', '纬度'], [[120, 32.8]]);
    expect(statedCoordSystem(plain, guessMapping(plain.headers))).toBeNull();
    const mixed = table(
      ['经度', '纬度', '坐标系'],
      [
        [120, 32.8, 'GCJ02'],
        [120, 32.8, 'WGS84'],
      ],
    );
    expect(statedCoordSystem(mixed, guessMapping(mixed.headers))).toBeNull();
  });

  it('does not read a GPS remark in some other column as the coordinates’ system', () => {
    const t = table(['GPS定位时间', '经度', '纬度'], [['2026-11-20', 120, 32.8]]);
    expect(statedCoordSystem(t, guessMapping(t.headers))).toBeNull();
  });

  it('knows the names platforms write', () => {
    expect(parseCoordSystemName('GCJ-02')).toBe('gcj02');
    expect(parseCoordSystemName('高德')).toBe('gcj02');
    expect(parseCoordSystemName('bd09ll')).toBe('bd09');
    expect(parseCoordSystemName('CGCS2000')).toBe('wgs84');
    expect(parseCoordSystemName('EPSG:4326')).toBe('wgs84');
    expect(parseCoordSystemName('北京54')).toBeNull();
  });
});

describe('crsFit and suggestCoordSystem', () => {
  it('suggests GCJ-02 for GCJ-02 points: read as WGS84 the eastern ones fall ≈ 500 m outside', () => {
    const fit = crsFit(
      truth.map((p) => wgs84ToGcj02(p)),
      square,
    );
    expect(fit.total).toBe(25);
    expect(fit.inside.gcj02).toBe(25);
    expect(fit.inside.wgs84).toBeLessThan(25);
    expect(suggestCoordSystem(fit)).toBe('gcj02');
  });

  it('suggests WGS84 for WGS84 points and BD-09 for BD-09 points', () => {
    expect(suggestCoordSystem(crsFit(truth, square))).toBe('wgs84');
    expect(
      suggestCoordSystem(
        crsFit(
          truth.map((p) => fromWgs84(p, 'bd09')),
          square,
        ),
      ),
    ).toBe('bd09');
  });

  it('suggests nothing when every reading fits as well (points deep inside), or none fits', () => {
    const centre: LonLat = [W + SIDE / 2, S + SIDE / 2];
    expect(suggestCoordSystem(crsFit([centre, centre], square))).toBeNull();
    expect(suggestCoordSystem(crsFit([[121, 31]], square))).toBeNull();
    expect(suggestCoordSystem(crsFit([], square))).toBeNull();
  });

  it('looks at an even spread of at most maxPoints points', () => {
    const many = Array.from({ length: 1000 }, (_, k) => truth[k % truth.length] as LonLat);
    const fit = crsFit(many, square, 100);
    expect(fit.total).toBe(100);
    expect(fit.inside.wgs84).toBe(100);
  });
});
