import type { BasemapRoad } from '../model/basemap';
import type { LonLat } from '../model/geo';
import { M_PER_DEG } from './frame';

/** The origin of the hand-made test networks, WGS84 lon/lat. */
export const ORIGIN: LonLat = [120.0, 32.9];

/** The point `eastM` metres east and `northM` metres north of {@link ORIGIN}. */
export function at(eastM: number, northM: number): LonLat {
  const cos = Math.cos((ORIGIN[1] * Math.PI) / 180);
  return [ORIGIN[0] + eastM / (M_PER_DEG * cos), ORIGIN[1] + northM / M_PER_DEG];
}

/** A minor road through the given points, each `[eastM, northM]` from {@link ORIGIN}. */
export function road(id: string, ...points: readonly (readonly [number, number])[]): BasemapRoad {
  return {
    id,
    name: id,
    rank: 'minor',
    geometry: { type: 'LineString', coordinates: points.map(([e, n]) => at(e, n)) },
  };
}
