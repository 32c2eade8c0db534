/**
 * China's three web-map coordinate systems and the conversions between them.
 *
 * - WGS84: what GPS reports and what GridDesk stores. CGCS2000 (China's official datum, used by 天地图)
 *   differs from WGS84 by centimetres, far below what a township map resolves, so we treat the two as one.
 * - GCJ-02 (国测局坐标, "火星坐标"): the obfuscated system every map licensed in China must show (高德, 腾讯,
 *   most 12345 platforms). It adds a smooth, non-linear offset of a few hundred metres, defined on the
 *   Krasovsky 1940 ellipsoid. The offset is only applied inside (roughly) China.
 * - BD-09 (百度): Baidu's further rotation and scaling of GCJ-02.
 *
 * The forward transforms follow the widely published formulas; the inverses are solved numerically so
 * that a round trip comes back to within 1e-7 degrees (about 1 cm). All values are degrees, [lon, lat].
 */
import type { LonLat } from '../model/geo';

/** The coordinate systems an import file may use. */
export const COORD_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordSystem = (typeof COORD_SYSTEMS)[number];

/** Krasovsky 1940 semi-major axis in metres, the ellipsoid GCJ-02 is defined on. */
const KRASOVSKY_A = 6378245.0;
/** Krasovsky 1940 first eccentricity squared. */
const KRASOVSKY_EE = 0.006693421622965943; // 0.00669342162296594323, to double precision
/** The constant of Baidu's BD-09 rotation. */
const X_PI = (Math.PI * 3000.0) / 180.0;
/** Inverse conversions stop when a correction step is below this, in degrees (about 1 cm). */
const INVERSE_TOLERANCE_DEG = 1e-9;
const INVERSE_MAX_STEPS = 30;

/**
 * The rough bounding box in which the GCJ-02 offset applies (the customary check of the published
 * algorithm). Points outside it, e.g. in Europe, pass through unchanged. It includes some neighbouring
 * countries' border areas; that is how every GCJ-02 implementation behaves, and so do the map vendors.
 */
export function isOutsideChina(point: LonLat): boolean {
  const [lon, lat] = point;
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLon(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/**
 * WGS84 → GCJ-02. Outside China the point is returned unchanged.
 * @param point WGS84 [lon, lat] in degrees.
 * @returns GCJ-02 [lon, lat] in degrees.
 */
export function wgs84ToGcj02(point: LonLat): LonLat {
  if (isOutsideChina(point)) return point;
  const [lon, lat] = point;
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - KRASOVSKY_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/**
 * Solves forward(x) = target for x by fixed-point iteration x ← x + (target − forward(x)). It converges
 * because both forward transforms are a small, smooth perturbation of the identity.
 */
function invert(target: LonLat, start: LonLat, forward: (p: LonLat) => LonLat): LonLat {
  let lon = start[0];
  let lat = start[1];
  for (let step = 0; step < INVERSE_MAX_STEPS; step++) {
    const [fLon, fLat] = forward([lon, lat]);
    const dLon = target[0] - fLon;
    const dLat = target[1] - fLat;
    lon += dLon;
    lat += dLat;
    if (Math.abs(dLon) < INVERSE_TOLERANCE_DEG && Math.abs(dLat) < INVERSE_TOLERANCE_DEG) break;
  }
  return [lon, lat];
}

/**
 * GCJ-02 → WGS84, by iterating the forward transform until the residual is below 1e-9° (the published
 * one-step formula is off by up to a few metres). Outside China the point is returned unchanged.
 */
export function gcj02ToWgs84(point: LonLat): LonLat {
  if (isOutsideChina(point)) return point;
  return invert(point, point, wgs84ToGcj02);
}

/** GCJ-02 → BD-09 (Baidu's rotation and scaling; applied everywhere, as Baidu does). */
export function gcj02ToBd09(point: LonLat): LonLat {
  const [x, y] = point;
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * BD-09 → GCJ-02: Baidu's published closed form as the first guess, then refined by iteration so that
 * gcj02ToBd09 of the result reproduces the input to 1e-9° (the closed form alone is off by up to ~1e-6°).
 */
export function bd09ToGcj02(point: LonLat): LonLat {
  const x = point[0] - 0.0065;
  const y = point[1] - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  const guess: LonLat = [z * Math.cos(theta), z * Math.sin(theta)];
  return invert(point, guess, gcj02ToBd09);
}

export function wgs84ToBd09(point: LonLat): LonLat {
  return gcj02ToBd09(wgs84ToGcj02(point));
}

export function bd09ToWgs84(point: LonLat): LonLat {
  return gcj02ToWgs84(bd09ToGcj02(point));
}

/** Converts a point given in `system` to WGS84 (what GridDesk stores). */
export function toWgs84(point: LonLat, system: CoordSystem): LonLat {
  if (system === 'gcj02') return gcj02ToWgs84(point);
  if (system === 'bd09') return bd09ToWgs84(point);
  return point;
}

/** Converts a WGS84 point to `system`, e.g. to show it on a GCJ-02 basemap or write a sample export. */
export function fromWgs84(point: LonLat, system: CoordSystem): LonLat {
  if (system === 'gcj02') return wgs84ToGcj02(point);
  if (system === 'bd09') return wgs84ToBd09(point);
  return point;
}
