/**
 * A layer as GeoJSON (RFC 7946): a FeatureCollection in WGS 84 lon/lat, positions rounded to 7
 * decimals (about 1 cm, well below what a township map resolves), polygons wound as RFC 7946 says
 * (outer rings counter-clockwise, holes clockwise), properties under the column names, UTF-8.
 */
import type { ExportColumn, ExportFeature } from './result';
import { signedArea2 } from './shp';

const round7 = (value: number): number => Math.round(value * 1e7) / 1e7 || 0;

function ccw(ring: readonly GeoJSON.Position[], counterClockwise: boolean): GeoJSON.Position[] {
  const sum = signedArea2(ring.map((p) => [p[0] ?? NaN, p[1] ?? NaN]));
  return sum > 0 === counterClockwise ? [...ring] : [...ring].reverse();
}

const position = (p: GeoJSON.Position): GeoJSON.Position => [round7(p[0] ?? NaN), round7(p[1] ?? NaN)];
const polygon = (rings: GeoJSON.Position[][]): GeoJSON.Position[][] =>
  rings.map((ring, r) => ccw(ring, r === 0).map(position));

/** The geometry with positions rounded to 7 decimals and RFC 7946 winding. */
export function rfc7946Geometry(geometry: GeoJSON.Geometry): GeoJSON.Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: position(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(position) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(position) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((l) => l.map(position)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map(rfc7946Geometry) };
  }
}

/** The GeoJSON text of `features` with `columns` as properties (null for missing values), as UTF-8. */
export function writeGeoJson(
  features: readonly ExportFeature[],
  columns: readonly ExportColumn[],
): Uint8Array {
  const collection = {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: Object.fromEntries(columns.map((c) => [c.name, f.properties[c.key] ?? null])),
      geometry: f.geometry === null ? null : rfc7946Geometry(f.geometry),
    })),
  };
  return new TextEncoder().encode(JSON.stringify(collection));
}
