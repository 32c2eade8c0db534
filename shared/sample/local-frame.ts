import type { LonLat } from '../model/geo';

/** Metres per degree of latitude near 32°N (WGS84 meridian arc, good to 0.1 % over a county). */
const METRES_PER_DEG_LAT = 110_900;

/** Rounds a coordinate to 6 decimals (≈ 0.1 m), the precision the sample is stored at. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * A local east/north plane in metres around an origin, for drawing the synthetic township.
 * Equirectangular: exact enough for a few tens of kilometres; converted positions are rounded to 6 decimals
 * so the generated dataset equals what is stored on disk.
 */
export interface LocalFrame {
  readonly origin: LonLat;
  /** Converts metres east/north of the origin to WGS84 lon/lat degrees, rounded to 6 decimals. */
  toLonLat(x: number, y: number): LonLat;
  /** Converts WGS84 lon/lat degrees to metres east/north of the origin. */
  toMetres(p: LonLat): [x: number, y: number];
}

export function createLocalFrame(origin: LonLat): LocalFrame {
  const [lon0, lat0] = origin;
  const mPerDegLon = METRES_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  return {
    origin,
    toLonLat: (x, y) => [round6(lon0 + x / mPerDegLon), round6(lat0 + y / METRES_PER_DEG_LAT)],
    toMetres: (p) => [(p[0] - lon0) * mPerDegLon, (p[1] - lat0) * METRES_PER_DEG_LAT],
  };
}
