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

/**
 * The geometry with each [x, y] converted (a third value, the height, is kept), done in place: each
 * position array of a line or ring is replaced by a new one (so a position array two rings share is
 * never converted twice), and a `bbox` the parser added, stale once converted, is dropped. The readers
 * own what they parsed, so nothing else sees the change; for 200,000 polygons this spares a copy of
 * every ring (and the collector's work on it).
 */
export function convertInPlace(
  geometry: GeoJSON.Geometry,
  convert: (xy: LonLat) => LonLat,
): GeoJSON.Geometry {
  const one = (p: Position): Position => {
    if (p.length === 2) return convert(p as unknown as LonLat) as unknown as Position;
    const xy = convert([p[0] as number, p[1] as number]);
    return [xy[0], xy[1], ...p.slice(2)];
  };
  const line = (positions: Position[]): void => {
    for (let i = 0; i < positions.length; i++) positions[i] = one(positions[i] as Position);
  };
  delete geometry.bbox;
  switch (geometry.type) {
    case 'Point':
      geometry.coordinates = one(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      line(geometry.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach(line);
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon) => polygon.forEach(line));
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((g) => convertInPlace(g, convert));
  }
  return geometry;
}
