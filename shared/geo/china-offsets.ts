/**
 * The offsets of China's web-map datums, for files drawn on or copied from Chinese online maps.
 *
 * - WGS84 is what GPS reports and what GridDesk stores; CGCS2000 differs from it by centimetres and
 *   is treated as the same.
 * - GCJ-02 (国测局坐标, "火星坐标") is what every map licensed in China shows (高德 Amap, 腾讯 Tencent,
 *   奥维 since 9.3 for its KML and CSV exports): WGS84 plus a smooth, deliberately non-linear offset of
 *   roughly 100–700 m, defined on the Krasovsky 1940 ellipsoid and applied only inside a box around
 *   China.
 * - BD-09 (百度) is Baidu's further shift and rotation of GCJ-02 (about 1 km more).
 *
 * The forward transforms are the published GCJ-02 and BD-09 formulas; GCJ-02 → WGS84 has no closed
 * form, so it is solved by iterating the forward transform (a round trip is then within 1e-9°, a
 * millimetre). Every value is degrees, [lon, lat]. Outside China (see {@link outOfChina}) nothing is
 * offset: a point there passes every conversion unchanged.
 */
import type { LonLat } from '../model/geo';

/** The datums a lon/lat file from a Chinese map may be in; `wgs84` includes CGCS2000. */
export const CHINA_DATUMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type ChinaDatum = (typeof CHINA_DATUMS)[number];

/** Krasovsky 1940, the ellipsoid the GCJ-02 offset is scaled on: semi-major axis in metres. */
const KRASOVSKY_A = 6_378_245;
/** Krasovsky 1940 first eccentricity squared. */
const KRASOVSKY_E2 = 0.006_693_421_622_965_943;
/** The factor inside Baidu's BD-09 shift (π × 3000 / 180). */
const BD_FACTOR = (Math.PI * 3000) / 180;
/** Iterative inverses stop once a step is below this, in degrees (about a tenth of a millimetre). */
const STEP_DEG = 1e-9;
const MAX_STEPS = 25;

/**
 * Whether a point lies outside the box in which the GCJ-02 offset is applied (the published box:
 * 72.004–137.8347°E, 0.8293–55.8271°N). It takes in parts of neighbouring countries, as every
 * implementation and the map vendors do; outside it no conversion here moves a point.
 */
export function outOfChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

/** Two sine terms of the published offset, weighted as it weights them (each pair × 2/3). */
function waves(a: number, b: number, c: number, d: number): number {
  return ((a * Math.sin(c) + b * Math.sin(d)) * 2) / 3;
}

/**
 * The GCJ-02 offset before scaling, as functions of x = lon − 105, y = lat − 35 (degrees): a
 * polynomial in x and y plus sines of several periods. The results are lengths on the Krasovsky
 * ellipsoid in metres, turned into degrees by its radii of curvature below.
 */
function rawOffset(x: number, y: number): { readonly east: number; readonly north: number } {
  const pi = Math.PI;
  const shared = waves(20, 20, 6 * x * pi, 2 * x * pi);
  const east =
    300 +
    x +
    2 * y +
    0.1 * x * x +
    0.1 * x * y +
    0.1 * Math.sqrt(Math.abs(x)) +
    shared +
    waves(20, 40, x * pi, (x / 3) * pi) +
    waves(150, 300, (x / 12) * pi, (x / 30) * pi);
  const north =
    -100 +
    2 * x +
    3 * y +
    0.2 * y * y +
    0.1 * x * y +
    0.2 * Math.sqrt(Math.abs(x)) +
    shared +
    waves(20, 40, y * pi, (y / 3) * pi) +
    waves(160, 320, (y / 12) * pi, (y / 30) * pi);
  return { east, north };
}

/**
 * WGS84 → GCJ-02: adds the offset (≈ 100–700 m inside China). Outside China the point is returned
 * as it is.
 * @param point WGS84 [lon, lat], degrees.
 * @returns GCJ-02 [lon, lat], degrees.
 */
export function wgs84ToGcj02(point: LonLat): LonLat {
  const [lon, lat] = point;
  if (outOfChina(lon, lat)) return point;
  const { east, north } = rawOffset(lon - 105, lat - 35);
  const phi = (lat * Math.PI) / 180;
  const w2 = 1 - KRASOVSKY_E2 * Math.sin(phi) ** 2;
  const w = Math.sqrt(w2);
  // Metres per radian: the meridian radius M for latitude, the prime vertical N × cos φ for longitude.
  const meridian = (KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (w2 * w);
  const parallel = (KRASOVSKY_A / w) * Math.cos(phi);
  return [lon + (east / parallel) * (180 / Math.PI), lat + (north / meridian) * (180 / Math.PI)];
}

/**
 * Solves forward(p) = target by p ← p + (target − forward(p)), from `start`. Both forward transforms
 * are the identity plus a slowly varying shift (its derivative is ~1e-5), so each step gains about
 * five digits: two or three steps reach {@link STEP_DEG}.
 */
function solve(target: LonLat, start: LonLat, forward: (p: LonLat) => LonLat): LonLat {
  let lon = start[0];
  let lat = start[1];
  for (let i = 0; i < MAX_STEPS; i++) {
    const [fLon, fLat] = forward([lon, lat]);
    const dLon = target[0] - fLon;
    const dLat = target[1] - fLat;
    lon += dLon;
    lat += dLat;
    if (Math.abs(dLon) < STEP_DEG && Math.abs(dLat) < STEP_DEG) break;
  }
  return [lon, lat];
}

/**
 * GCJ-02 → WGS84: the point whose GCJ-02 position is the given one, by iteration (the common
 * one-step "subtract the offset at the GCJ-02 point" is off by up to a few metres). Within 1e-9° of
 * exact; outside China the point is returned as it is.
 */
export function gcj02ToWgs84(point: LonLat): LonLat {
  if (outOfChina(point[0], point[1])) return point;
  return solve(point, point, wgs84ToGcj02);
}

/**
 * GCJ-02 → BD-09: Baidu's published shift (+0.0065°, +0.006°) after a small scaling of the radius and
 * rotation of the angle about (0°, 0°). Outside China the point is returned as it is.
 */
export function gcj02ToBd09(point: LonLat): LonLat {
  const [x, y] = point;
  if (outOfChina(x, y)) return point;
  const r = Math.hypot(x, y) + 0.000_02 * Math.sin(y * BD_FACTOR);
  const angle = Math.atan2(y, x) + 0.000_003 * Math.cos(x * BD_FACTOR);
  return [r * Math.cos(angle) + 0.0065, r * Math.sin(angle) + 0.006];
}

/**
 * BD-09 → GCJ-02: Baidu's approximate closed form (the shift and rotation taken back at the BD-09
 * point, off by up to ~1e-6°) refined by iteration until gcj02ToBd09 gives the input back within
 * 1e-9°. Outside China the point is returned as it is.
 */
export function bd09ToGcj02(point: LonLat): LonLat {
  if (outOfChina(point[0], point[1])) return point;
  const x = point[0] - 0.0065;
  const y = point[1] - 0.006;
  const r = Math.hypot(x, y) - 0.000_02 * Math.sin(y * BD_FACTOR);
  const angle = Math.atan2(y, x) - 0.000_003 * Math.cos(x * BD_FACTOR);
  return solve(point, [r * Math.cos(angle), r * Math.sin(angle)], gcj02ToBd09);
}

/** WGS84 → BD-09, through GCJ-02. */
export function wgs84ToBd09(point: LonLat): LonLat {
  return gcj02ToBd09(wgs84ToGcj02(point));
}

/** BD-09 → WGS84, through GCJ-02. */
export function bd09ToWgs84(point: LonLat): LonLat {
  return gcj02ToWgs84(bd09ToGcj02(point));
}

const identity = (point: LonLat): LonLat => point;

/**
 * The conversion from one datum to another, e.g. `datumConverter('gcj02', 'wgs84')` for an import
 * from Amap, or `datumConverter('wgs84', 'gcj02')` to draw stored grids on a GCJ-02 basemap.
 */
export function datumConverter(from: ChinaDatum, to: ChinaDatum): (point: LonLat) => LonLat {
  if (from === to) return identity;
  const toWgs = from === 'gcj02' ? gcj02ToWgs84 : from === 'bd09' ? bd09ToWgs84 : identity;
  if (to === 'wgs84') return toWgs;
  if (from === 'wgs84') return to === 'gcj02' ? wgs84ToGcj02 : wgs84ToBd09;
  // GCJ-02 ↔ BD-09 directly, without the round trip through WGS84.
  return to === 'bd09' ? gcj02ToBd09 : bd09ToGcj02;
}

type Position = GeoJSON.Position;

/**
 * A copy of the geometry with every position converted by `convert` (a third value, the height, is
 * kept; a `bbox`, stale once converted, is left out). The input is not changed, so stored grids can
 * be drawn offset on a GCJ-02 basemap and an import can convert what it read alike. A position that
 * is not two finite numbers is copied as it is (the geometry checks name it afterwards).
 */
export function convertGeometry<G extends GeoJSON.Geometry>(
  geometry: G,
  convert: (point: LonLat) => LonLat,
): G {
  const one = (p: Position): Position => {
    const [x, y] = p;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      return [...p];
    }
    const [lon, lat] = convert([x, y]);
    return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
  };
  const line = (positions: Position[]): Position[] => positions.map(one);
  let copy: GeoJSON.Geometry;
  switch (geometry.type) {
    case 'Point':
      copy = { type: 'Point', coordinates: one(geometry.coordinates) };
      break;
    case 'MultiPoint':
      copy = { type: 'MultiPoint', coordinates: line(geometry.coordinates) };
      break;
    case 'LineString':
      copy = { type: 'LineString', coordinates: line(geometry.coordinates) };
      break;
    case 'MultiLineString':
      copy = { type: 'MultiLineString', coordinates: geometry.coordinates.map(line) };
      break;
    case 'Polygon':
      copy = { type: 'Polygon', coordinates: geometry.coordinates.map(line) };
      break;
    case 'MultiPolygon':
      copy = { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(line)) };
      break;
    case 'GeometryCollection':
      copy = {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((g) => convertGeometry(g, convert)),
      };
      break;
  }
  return copy as G;
}
