import { booleanPointInPolygon, distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { asGeoJson, type AreaGeometry, type LonLat } from '../model/geo';
import { buildGazetteer, searchPlaces, subsequenceSpan } from './gazetteer';
import { basemap, C_SHAPE, township } from './test-places';

const index = buildGazetteer(basemap, township);
const names = (query: string, limit?: number) => searchPlaces(index, query, limit).map((r) => r.name);
const inside = (p: LonLat, area: AreaGeometry) =>
  booleanPointInPolygon(p as [number, number], asGeoJson(area) as GeoJSON.Polygon, { ignoreBoundary: true });

describe('searchPlaces ranking', () => {
  it('puts the exact name first, then names starting with the query, then names containing it', () => {
    expect(names('周庄')).toEqual(['周庄', '周庄村', '周庄小学', '周庄村第1网格', '周庄村第12网格']);
    const results = searchPlaces(index, '周庄');
    expect(results.map((r) => r.match)).toEqual(['exact', 'prefix', 'prefix', 'prefix', 'prefix']);
    expect(names('农贸')).toEqual(['澄湖农贸市场']);
    expect(searchPlaces(index, '农贸')[0]?.match).toBe('substring');
  });

  it('finds a name from its characters in order (Chinese fuzzy), tighter matches first', () => {
    expect(names('镇政府')).toEqual(['澄湖镇人民政府']);
    expect(searchPlaces(index, '镇政府')[0]?.match).toBe('fuzzy');
    expect(names('周庄12')).toEqual(['周庄村第12网格']);
    expect(names('政府镇')).toEqual([]);
  });

  it('ignores spaces, case and full-width forms', () => {
    expect(names('s231')).toEqual(['S231省道']);
    expect(names('Ｓ２３１ 省道')).toEqual(['S231省道']);
    expect(names(' 人 民 路 ')).toEqual(['人民路']);
  });

  it('matches grid codes exactly, by the last digits an operator types, and in part', () => {
    expect(searchPlaces(index, '321281118201012').map((r) => [r.id, r.match])).toEqual([
      ['321281118201012', 'code'],
    ]);
    expect(searchPlaces(index, '012').map((r) => r.id)).toEqual(['321281118101012', '321281118201012']);
    expect(searchPlaces(index, '201012').map((r) => r.id)).toEqual(['321281118201012']);
    expect(searchPlaces(index, '201-012').map((r) => r.id)).toEqual(['321281118201012']);
    expect(searchPlaces(index, '118201').map((r) => [r.id, r.match])).toEqual([
      ['321281118201001', 'codePart'],
      ['321281118201012', 'codePart'],
    ]);
    expect(searchPlaces(index, '０１２').map((r) => r.id)).toHaveLength(2);
  });

  it('respects the limit and gives nothing for an empty query', () => {
    expect(names('周庄', 2)).toEqual(['周庄', '周庄村']);
    expect(names('周庄', 0)).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(names('不存在的地方')).toEqual([]);
  });

  it('scores strictly down the tiers', () => {
    const scores = searchPlaces(index, '周庄').map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBe(100);
  });
});

describe('result locations', () => {
  it('places a road halfway along its length, on the road', () => {
    const road = searchPlaces(index, 'S231')[0]!;
    expect(road.kind).toBe('road');
    // The road runs 3 km east then 1 km north from 120.0, 32.1: halfway is 2 km east of the start.
    expect(distance([120.0, 32.1], road.location as [number, number], { units: 'meters' })).toBeCloseTo(
      2000,
      -1,
    );
    expect(road.location[1]).toBeCloseTo(32.1, 5);
  });

  it('places a settlement at its label point when that lies inside, else at a point inside', () => {
    expect(searchPlaces(index, '周庄')[0]!.location).toEqual([120.105, 32.005]);
    const c = searchPlaces(index, '沈家舍')[0]!;
    expect(inside(c.location, C_SHAPE)).toBe(true);
  });

  it('places a grid inside its polygon even when the centroid is not', () => {
    const grid = searchPlaces(index, '澄湖社区第12网格')[0]!;
    expect(grid.code).toBe('321281118101012');
    expect(inside(grid.location, C_SHAPE)).toBe(true);
  });

  it('gives POIs and communities their own points', () => {
    expect(searchPlaces(index, '澄湖农贸市场')[0]!.location).toEqual([120.061, 32.061]);
    expect(searchPlaces(index, '澄湖社区')[0]!.location).toEqual([120.06, 32.06]);
  });
});

describe('subsequenceSpan', () => {
  it('measures the tightest stretch holding the query in order', () => {
    expect(subsequenceSpan('澄湖镇人民政府', '镇政府')).toBe(5);
    expect(subsequenceSpan('abcab', 'ab')).toBe(2);
    expect(subsequenceSpan('abc', 'ca')).toBe(-1);
    expect(subsequenceSpan('abc', '')).toBe(0);
  });
});
