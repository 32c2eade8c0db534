import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../shared/geo/china-offsets';
import { shownCollection, shownDatum, shownFeatures } from './shown-datum';

const vertex: [number, number] = [120.1234, 32.5678];
const grid: Feature = {
  type: 'Feature',
  properties: { code: '321084001001001' },
  geometry: {
    type: 'Polygon',
    coordinates: [[vertex, [120.13, 32.5678], [120.13, 32.575], vertex]],
  },
};

describe('the datum the map draws in', () => {
  it('draws stored WGS84 at its GCJ-02 position over a GCJ-02 basemap, and takes a click back to WGS84', () => {
    const gcj = shownDatum('gcj02');
    expect(gcj.shown(vertex)).toEqual(wgs84ToGcj02(vertex));
    expect(gcj.stored(wgs84ToGcj02(vertex))).toEqual(gcj02ToWgs84(wgs84ToGcj02(vertex)));
    const back = gcj.stored(gcj.shown(vertex));
    expect(back[0]).toBeCloseTo(vertex[0], 8);
    expect(back[1]).toBeCloseTo(vertex[1], 8);
  });

  it('moves nothing over a WGS84 basemap', () => {
    const wgs = shownDatum('wgs84');
    expect(wgs.shown(vertex)).toBe(vertex);
    expect(wgs.stored(vertex)).toBe(vertex);
    expect(shownFeatures([grid], 'wgs84')[0]).toBe(grid);
  });

  it('shifts every vertex of a feature into a copy, keeping its properties and leaving the stored one alone', () => {
    const before = JSON.stringify(grid);
    const [shown] = shownFeatures([grid], 'gcj02');
    expect(JSON.stringify(grid)).toBe(before);
    expect(shown?.properties).toEqual(grid.properties);
    const ring = (shown?.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring[0]).toEqual([...wgs84ToGcj02(vertex)]);
    expect(ring[1]).toEqual([...wgs84ToGcj02([120.13, 32.5678])]);
    const collection = shownCollection({ type: 'FeatureCollection', features: [grid] }, 'gcj02');
    expect(collection.features[0]?.geometry).toEqual(shown?.geometry);
  });
});
