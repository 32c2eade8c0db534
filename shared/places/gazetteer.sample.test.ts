import { booleanPointInPolygon, pointToLineDistance } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { asGeoJson, type AreaGeometry, type LonLat } from '../model/geo';
import type { TownshipDataset } from '../model/dataset';
import { parseDatasetFiles } from '../schema/parse';
import { buildGazetteer, searchPlaces, type Gazetteer } from './gazetteer';

/** Reads the committed sample through Vite's `?raw` import (shared/ code may not use node:fs). */
async function committedTownship(): Promise<TownshipDataset> {
  const path = '../../resources/sample/township.json?raw';
  const mod: unknown = await import(/* @vite-ignore */ path);
  if (typeof mod !== 'object' || mod === null || !('default' in mod) || typeof mod.default !== 'string') {
    throw new Error('resources/sample/township.json did not load as text');
  }
  const parsed = parseDatasetFiles([{ fileName: 'township.json', json: JSON.parse(mod.default) as unknown }]);
  if (!parsed.ok) throw new Error(parsed.errors[0]?.text ?? 'sample did not parse');
  return parsed.dataset;
}

const inside = (p: LonLat, area: AreaGeometry) =>
  booleanPointInPolygon(p as [number, number], asGeoJson(area) as GeoJSON.Polygon | GeoJSON.MultiPolygon);

describe('the gazetteer over the committed sample township', () => {
  let dataset: TownshipDataset;
  let index: Gazetteer;
  beforeAll(async () => {
    dataset = await committedTownship();
    index = buildGazetteer(dataset.basemap, dataset);
  });

  it('resolves the village 周庄 to a point inside the township and inside the village', () => {
    const first = searchPlaces(index, '周庄')[0]!;
    expect([first.kind, first.name, first.match]).toEqual(['settlement', '周庄', 'exact']);
    const village = dataset.basemap.settlements.find((s) => s.name === '周庄')!;
    expect(inside(first.location, dataset.township.boundary)).toBe(true);
    expect(inside(first.location, village.geometry)).toBe(true);
  });

  it('finds every settlement, road, POI, community and grid by its exact name', () => {
    const named = [
      ...dataset.basemap.settlements,
      ...dataset.basemap.roads,
      ...dataset.basemap.pois,
      ...dataset.communities,
      ...dataset.grids,
    ];
    for (const { name } of named) {
      const first = searchPlaces(index, name, 1)[0];
      expect([first?.name, first?.match], name).toEqual([name, 'exact']);
    }
  });

  it('puts every grid and settlement point inside its own polygon, and every road point on its road', () => {
    for (const grid of dataset.grids) {
      const hit = searchPlaces(index, grid.code, 1)[0]!;
      expect(hit.id).toBe(grid.code);
      expect(inside(hit.location, grid.geometry), grid.code).toBe(true);
      expect(inside(hit.location, dataset.township.boundary), grid.code).toBe(true);
    }
    for (const s of dataset.basemap.settlements) {
      expect(inside(searchPlaces(index, s.name, 1)[0]!.location, s.geometry), s.name).toBe(true);
    }
    for (const road of dataset.basemap.roads) {
      const location = searchPlaces(index, road.name, 1)[0]!.location as [number, number];
      const line = {
        type: 'Feature' as const,
        properties: {},
        geometry: asGeoJson(road.geometry) as GeoJSON.LineString,
      };
      expect(pointToLineDistance(location, line, { units: 'meters' }), road.name).toBeLessThan(1);
    }
  });

  it('finds a grid from the last digits of its code', () => {
    const grid = dataset.grids[10]!;
    const tail = grid.code.slice(-6);
    const results = searchPlaces(index, tail);
    expect(results[0]?.id).toBe(grid.code);
    expect(results[0]?.match).toBe('codeSuffix');
    const sequence = grid.code.slice(-3);
    const all = searchPlaces(index, sequence, 1000);
    expect(all.map((r) => r.id).sort()).toEqual(
      dataset.grids
        .filter((g) => g.code.endsWith(sequence))
        .map((g) => g.code)
        .sort(),
    );
  });

  it('finds the township government by a loose description', () => {
    expect(searchPlaces(index, '镇政府')[0]?.name).toBe('澄湖镇人民政府');
  });
});
