/**
 * China's three web-map coordinate systems as the imports name them, and the conversions to and from
 * WGS84 (what GridDesk stores). The math is in ./china-offsets.ts; this module keeps the names the
 * table imports (12345 hotline exports, case sheets) use.
 *
 * - WGS84: what GPS reports and what GridDesk stores. CGCS2000 (China's official datum, used by 天地图)
 *   differs from WGS84 by centimetres, far below what a township map resolves, so we treat the two as one.
 * - GCJ-02 (国测局坐标, "火星坐标"): the obfuscated system every map licensed in China must show (高德, 腾讯,
 *   most 12345 platforms).
 * - BD-09 (百度): Baidu's further rotation and scaling of GCJ-02.
 */
import type { LonLat } from '../model/geo';
import { CHINA_DATUMS, datumConverter, outOfChina, type ChinaDatum } from './china-offsets';

export {
  bd09ToGcj02,
  bd09ToWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './china-offsets';

/** The coordinate systems an import file may use. */
export const COORD_SYSTEMS = CHINA_DATUMS;
export type CoordSystem = ChinaDatum;

/** Whether the point lies outside the box where the GCJ-02 offset applies (see outOfChina). */
export function isOutsideChina(point: LonLat): boolean {
  return outOfChina(point[0], point[1]);
}

/** Converts a point given in `system` to WGS84 (what GridDesk stores). */
export function toWgs84(point: LonLat, system: CoordSystem): LonLat {
  return datumConverter(system, 'wgs84')(point);
}

/** Converts a WGS84 point to `system`, e.g. to show it on a GCJ-02 basemap or write a sample export. */
export function fromWgs84(point: LonLat, system: CoordSystem): LonLat {
  return datumConverter('wgs84', system)(point);
}
