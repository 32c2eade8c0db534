import { distance } from 'geokdbush';
import type { LonLat } from '../model/geo';

/** Metres per degree of latitude on the 6371 km sphere that geokdbush (and the ranking) measures on. */
export const M_PER_DEG = (6_371_000 * Math.PI) / 180;

/**
 * A local equirectangular frame in metres around a reference point: x east, y north. Over a township
 * (≈ 10 km) its scale error is well under 0.1 %, good enough for snapping and for joining vertices
 * a few metres apart; lengths that are reported are measured great-circle instead.
 */
export interface LocalFrame {
  readonly lon0: number;
  readonly lat0: number;
  /** Metres per degree of longitude at `lat0`. */
  readonly mPerDegLon: number;
}

export function localFrame(lon0: number, lat0: number): LocalFrame {
  return { lon0, lat0, mPerDegLon: M_PER_DEG * Math.cos((lat0 * Math.PI) / 180) };
}

export function toX(frame: LocalFrame, lon: number): number {
  return (lon - frame.lon0) * frame.mPerDegLon;
}

export function toY(frame: LocalFrame, lat: number): number {
  return (lat - frame.lat0) * M_PER_DEG;
}

export function fromXY(frame: LocalFrame, x: number, y: number): LonLat {
  return [frame.lon0 + x / frame.mPerDegLon, frame.lat0 + y / M_PER_DEG];
}

/** Great-circle (haversine, 6371 km sphere) distance between two WGS84 lon/lat points, metres. */
export function greatCircleM(a: LonLat, b: LonLat): number {
  return distance(a[0], a[1], b[0], b[1]) * 1000;
}
