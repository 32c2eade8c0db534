// Test support: the committed files of test/fixtures/geo (made by scripts/make-geo-fixtures.sh with
// GDAL's ogr2ogr) and the comparison with ogr2ogr's own reprojection of the same file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { GeoFeature, GeoReadResult, GeoReadSuccess } from '../../../../shared/import/geo';

const DIR = join(__dirname, '../../../fixtures/geo');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, name)));
}

export function expectOk(result: GeoReadResult): GeoReadSuccess {
  if (!result.ok) throw new Error(`expected a successful read, got ${JSON.stringify(result.errors)}`);
  return result;
}

interface ExpectedCollection {
  readonly features: readonly {
    readonly properties: Record<string, unknown>;
    readonly geometry: GeoJSON.Geometry;
  }[];
}

/** ogr2ogr's reprojection of a fixture to EPSG:4326 (RFC 7946 winding, 10 decimals). */
export function ogrExpectation(name: string): ExpectedCollection {
  return JSON.parse(readFileSync(join(DIR, 'expected', `${name}.geojson`), 'utf-8')) as ExpectedCollection;
}

/** The rings of a polygon feature. */
export function rings(feature: Pick<GeoFeature, 'geometry'>): GeoJSON.Position[][] {
  const { geometry } = feature;
  if (geometry?.type !== 'Polygon') throw new Error(`expected a Polygon, got ${geometry?.type}`);
  return geometry.coordinates;
}

/** Every position within `tolerance` degrees of ogr2ogr's, in the same order, and the same attributes. */
export function expectSameAsOgr(
  features: readonly GeoFeature[],
  expected: ExpectedCollection,
  tolerance = 1e-7,
): void {
  expect(features).toHaveLength(expected.features.length);
  features.forEach((feature, i) => {
    const want = expected.features[i]!;
    expect(feature.properties).toEqual(want.properties);
    const got = rings(feature);
    const wanted = rings(want);
    expect(got.map((r) => r.length)).toEqual(wanted.map((r) => r.length));
    got.forEach((ring, r) =>
      ring.forEach((position, p) => {
        const [lon, lat] = wanted[r]![p]!;
        expect(Math.abs(position[0]! - lon!), `feature ${i} ring ${r} point ${p} lon`).toBeLessThan(
          tolerance,
        );
        expect(Math.abs(position[1]! - lat!), `feature ${i} ring ${r} point ${p} lat`).toBeLessThan(
          tolerance,
        );
      }),
    );
  });
}

/** The names in the hand-written source (test/fixtures/geo/source/grids.geojson). */
export const GRID_NAMES = ['梅村街道第一网格', '鸿山社区网格', '新安村·荡口片'];

/** Every position of a geometry, in order, and its shape (types and counts) without the positions. */
function flatten(geometry: GeoJSON.Geometry | null): { shape: unknown; positions: GeoJSON.Position[] } {
  const positions: GeoJSON.Position[] = [];
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      positions.push(value as GeoJSON.Position);
      return value.length;
    }
    return Array.isArray(value) ? value.map(walk) : value;
  };
  const shape = (g: GeoJSON.Geometry | null): unknown =>
    g === null
      ? null
      : g.type === 'GeometryCollection'
        ? { type: g.type, geometries: g.geometries.map(shape) }
        : { type: g.type, coordinates: walk(g.coordinates) };
  return { shape: shape(geometry), positions };
}

/**
 * Any geometry types: the same types, parts and dimensions as ogr2ogr's, every position within
 * `tolerance` degrees (a height within 1e-9 m), and the same attributes.
 */
export function expectSameGeometriesAsOgr(
  features: readonly GeoFeature[],
  expected: ExpectedCollection,
  tolerance = 1e-7,
): void {
  expect(features).toHaveLength(expected.features.length);
  features.forEach((feature, i) => {
    const want = expected.features[i]!;
    expect(feature.properties, `feature ${i}`).toEqual(want.properties);
    const got = flatten(feature.geometry);
    const wanted = flatten(want.geometry);
    expect(got.shape, `feature ${i}`).toEqual(wanted.shape);
    got.positions.forEach((position, p) =>
      position.forEach((value, d) => {
        const limit = d < 2 ? tolerance : 1e-9;
        expect(Math.abs(value - wanted.positions[p]![d]!), `feature ${i} position ${p}[${d}]`).toBeLessThan(
          limit,
        );
      }),
    );
  });
}
