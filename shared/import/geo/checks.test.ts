import { kinks } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../sample/random';
import { checkGeometries, firstCrossing, repairGeometry } from './checks';
import type { GeoFeature } from './result';

const feature = (geometry: GeoJSON.Geometry | null): GeoFeature => ({
  type: 'Feature',
  geometry,
  properties: {},
});
const square = (x: number, y: number, size: number, clockwise = false): GeoJSON.Position[] => {
  const ring = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  return clockwise ? ring.reverse() : ring;
};

describe('geometry checks', () => {
  it('find nothing wrong with a polygon with a hole wound as RFC 7946 says, nor with lines and points', () => {
    const polygon = { type: 'Polygon' as const, coordinates: [square(0, 0, 10), square(2, 2, 2, true)] };
    const features = [
      feature(polygon),
      feature({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      }),
      feature({ type: 'Point', coordinates: [120, 31.5] }),
    ];
    expect(checkGeometries(features, 'a.geojson')).toEqual([]);
  });

  it('name a hole wound like its outer ring, in the second polygon of a multi-polygon, and turn it', () => {
    const multi: GeoJSON.MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(5, 5, 10), square(6, 6, 2)]],
    };
    const problems = checkGeometries([feature(multi)], 'a.geojson');
    expect(problems).toEqual([
      {
        key: 'geoImport.geometry.wrongOrientation',
        params: { file: 'a.geojson', feature: 1, ring: '2-2', rings: 1 },
        index: 0,
        repair: 'rewind',
      },
    ]);
    expect(checkGeometries([repairGeometry(feature(multi), 'rewind')], 'a.geojson')).toEqual([]);
  });

  it('name a feature without geometry, and count positions of a too-short ring without the closing one', () => {
    const triangle = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
      ],
    };
    expect(checkGeometries([feature(null), feature(triangle)], 'a.geojson')).toEqual([
      { key: 'geoImport.geometry.missing', params: { file: 'a.geojson', feature: 1 }, index: 0 },
      {
        key: 'geoImport.geometry.ringTooShort',
        params: { file: 'a.geojson', feature: 2, ring: 1, count: 2 },
        index: 1,
      },
    ]);
  });

  it('name NaN in a line', () => {
    const line = feature({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [Number.NaN, 1],
      ],
    });
    expect(checkGeometries([line], 'a.geojson').map((p) => p.key)).toEqual(['geoImport.geometry.nonFinite']);
  });
});

describe('the first crossing of a polygon', () => {
  it('is the first point Turf’s kinks finds, on bow-ties, holes and sound rings alike', () => {
    const rng = createRng(12);
    const ring = (cx: number, cy: number, r: number, n: number, crossed: boolean): GeoJSON.Position[] => {
      const positions = Array.from({ length: n }, (_, k) => {
        const angle = (2 * Math.PI * k) / n;
        const radius = r * rng.range(0.5, 1);
        return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
      });
      if (crossed) [positions[1], positions[n >> 1]] = [positions[n >> 1]!, positions[1]!];
      return [...positions, [...positions[0]!]];
    };
    let crossings = 0;
    for (let t = 0; t < 400; t++) {
      const polygon: GeoJSON.Polygon = {
        type: 'Polygon',
        coordinates: [ring(120, 31, 0.01, rng.int(3, 30), rng.chance(0.3))],
      };
      if (rng.chance(0.3)) polygon.coordinates.push(ring(120, 31, 0.006, rng.int(3, 12), false));
      const expected = kinks(polygon).features[0]?.geometry.coordinates ?? null;
      if (expected !== null) crossings++;
      expect(firstCrossing(polygon.coordinates)).toEqual(expected);
    }
    expect(crossings).toBeGreaterThan(50);
  });
});
