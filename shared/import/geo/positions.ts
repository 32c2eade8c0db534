/**
 * Walking the positions of a GeoJSON geometry: their extent, and a copy with every position converted.
 */
import type { LonLat } from '../../model/geo';
import type { Extent } from './crs';

type Position = GeoJSON.Position;

function eachPosition(geometry: GeoJSON.Geometry, visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      return;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach((line) => line.forEach(visit));
      return;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
      return;
    case 'GeometryCollection':
      geometry.geometries.forEach((g) => eachPosition(g, visit));
  }
}

/** Whether every coordinate of the geometry is a finite number. */
export function allFinite(geometry: GeoJSON.Geometry): boolean {
  let finite = true;
  eachPosition(geometry, (p) => {
    if (!Array.isArray(p) || p.length < 2 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      finite = false;
    }
  });
  return finite;
}

/** The extent of the finite positions of all geometries, or null when there are none. */
export function extentOf(geometries: Iterable<GeoJSON.Geometry | null>): Extent | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const geometry of geometries) {
    if (geometry === null) continue;
    eachPosition(geometry, (p) => {
      const x = p[0];
      const y = p[1];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
        return;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    });
  }
  return minX === Infinity ? null : [minX, minY, maxX, maxY];
}

/** A copy of the geometry with each [x, y] converted (a third value, the height, is kept). */
export function mapPositions(geometry: GeoJSON.Geometry, convert: (xy: LonLat) => LonLat): GeoJSON.Geometry {
  const one = (p: Position): Position => {
    const [x, y] = convert([p[0] as number, p[1] as number]);
    return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
  };
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: one(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(one) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(one) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((l) => l.map(one)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(one)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map((r) => r.map(one))),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((g) => mapPositions(g, convert)),
      };
  }
}
