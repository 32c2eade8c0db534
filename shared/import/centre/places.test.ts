import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../schema/test-fixture';
import type { GeoFeature } from '../geo/result';
import { guessMapping } from './mapping';
import { planPlaces, poiKindOf, roadRankOf, type PlacesCurrent } from './places';

const fixture = makeFixtureDataset();
const current: PlacesCurrent = { boundary: fixture.township.boundary, basemap: fixture.basemap };
const W = 118.3;
const S = 34.35;

const point = (name: string, lon: number, lat: number, kind?: string): GeoFeature => ({
  type: 'Feature',
  properties: kind === undefined ? { 名称: name } : { 名称: name, 类别: kind },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

describe('importing named places', () => {
  it('maps the name and category fields from the usual headers', () => {
    expect(guessMapping('places', [point('新安小学', W, S, '学校')])).toEqual({ name: '名称', kind: '类别' });
    const english: GeoFeature = {
      type: 'Feature',
      properties: { NAME: 'x', TYPE: 'school' },
      geometry: null,
    };
    expect(guessMapping('places', [english])).toEqual({ name: 'NAME', kind: 'TYPE' });
  });

  it('makes points POIs, lines roads and areas settlements, with kinds from the category or the name', () => {
    const features: GeoFeature[] = [
      point('新安小学', W + 0.01, S + 0.01),
      point('仁和堂', W + 0.012, S + 0.01, '医院'),
      point('幸福里小区', W + 0.02, S + 0.02, '住宅区'),
      {
        type: 'Feature',
        properties: { 名称: '205国道', 类别: '国道' },
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [W, S + 0.03],
              [W + 0.01, S + 0.03],
            ],
            [
              [W + 0.01, S + 0.03],
              [W + 0.02, S + 0.03],
              [W + 0.04, S + 0.03],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { 名称: '东湾村' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [W + 0.02, S + 0.02],
              [W + 0.03, S + 0.02],
              [W + 0.03, S + 0.03],
              [W + 0.02, S + 0.02],
            ],
          ],
        },
      },
    ];
    const plan = planPlaces(
      features,
      { file: '地名.shp', mapping: { name: '名称', kind: '类别' }, idPrefix: 'imp-1-' },
      current,
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.places.pois).toEqual([
      { id: 'imp-1-1', name: '新安小学', kind: 'school', location: [W + 0.01, S + 0.01] },
      { id: 'imp-1-2', name: '仁和堂', kind: 'hospital', location: [W + 0.012, S + 0.01] },
      { id: 'imp-1-3', name: '幸福里小区', kind: 'other', location: [W + 0.02, S + 0.02] },
    ]);
    expect(plan.places.roads).toHaveLength(1);
    expect(plan.places.roads[0]).toMatchObject({ id: 'imp-1-4', name: '205国道', rank: 'trunk' });
    // The longer part of the multi-line.
    expect(plan.places.roads[0]?.geometry.coordinates).toHaveLength(3);
    expect(plan.places.settlements[0]).toMatchObject({ id: 'imp-1-5', name: '东湾村', kind: 'village' });
    expect(plan.skipped).toBe(0);
    expect(plan.problems).toEqual([]);
  });

  it('leaves out unnamed, unplaced, far-away and repeated places, each reason once with its count', () => {
    const features: GeoFeature[] = [
      point('', W + 0.01, S + 0.01),
      point('  ', W + 0.011, S + 0.01),
      { type: 'Feature', properties: { 名称: '无坐标' }, geometry: null },
      point('坐标错误', Number.NaN, S),
      point('外镇市场', W + 0.2, S + 0.2),
      // Just outside the boundary (about 500 m west): still the township's.
      point('镇界加油站', W - 0.005, S + 0.01),
      // The fixture's own market, 10 m off, and a repeat in the file itself.
      point('新安农贸市场', W + 0.005, S + 0.0061),
      point('红星超市', W + 0.015, S + 0.015),
      point('红星超市', W + 0.0151, S + 0.015),
      // The same name far enough away is another place.
      point('红星超市', W + 0.035, S + 0.035),
    ];
    const plan = planPlaces(
      features,
      { file: 'poi.csv', mapping: { name: '名称' }, idPrefix: 'p-' },
      current,
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.places.pois.map((p) => [p.name, p.kind])).toEqual([
      ['镇界加油站', 'station'],
      ['红星超市', 'market'],
      ['红星超市', 'market'],
    ]);
    expect(plan.skipped).toBe(7);
    expect(plan.problems).toEqual([
      {
        severity: 'warning',
        key: 'places.nameMissing',
        params: { file: 'poi.csv', count: 2, features: '#1、#2' },
      },
      {
        severity: 'warning',
        key: 'places.noGeometry',
        params: { file: 'poi.csv', count: 2, features: '#3 无坐标、#4 坐标错误' },
      },
      {
        severity: 'warning',
        key: 'places.outside',
        params: { file: 'poi.csv', count: 1, features: '#5 外镇市场' },
      },
      {
        severity: 'warning',
        key: 'places.duplicate',
        params: { file: 'poi.csv', count: 2, features: '#7 新安农贸市场、#9 红星超市' },
      },
    ]);
  });

  it('refuses a file without a name field or without any place', () => {
    expect(planPlaces([point('a', W, S)], { file: 'x.kml', mapping: {}, idPrefix: 'p-' }, current)).toEqual({
      ok: false,
      problems: [{ severity: 'error', key: 'places.mapping.noName', params: { file: 'x.kml' } }],
    });
    const none = planPlaces(
      [point('', W, S)],
      { file: 'x.kml', mapping: { name: '名称' }, idPrefix: 'p-' },
      current,
    );
    expect(none.ok).toBe(false);
    expect(none.problems[0]).toEqual({ severity: 'error', key: 'places.none', params: { file: 'x.kml' } });
  });

  it('reads kinds and ranks from Chinese words', () => {
    expect(poiKindOf('', '澄湖镇人民政府')).toBe('government');
    expect(poiKindOf('', '东方红幼儿园')).toBe('school');
    expect(poiKindOf('在建工程', '万科城三期')).toBe('construction');
    expect(poiKindOf('', '澄湖汽车站')).toBe('station');
    expect(poiKindOf('', '兴达纺织厂')).toBe('factory');
    expect(poiKindOf('', '澄湖公园')).toBe('other');
    expect(roadRankOf('省道')).toBe('trunk');
    expect(roadRankOf('县道')).toBe('main');
    expect(roadRankOf('')).toBe('minor');
  });
});
