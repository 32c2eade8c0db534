/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import type { BasemapRoad } from '../model/basemap';
import { greatCircleM } from '../roads/frame';
import type { GridLocator } from '../spatial/grid-locator';

/** Roads are measured in pieces of at most this many metres, each counted in the grid holding its middle. */
export const ROAD_PIECE_M = 20;

/**
 * The length of road inside each grid, metres (great-circle), indexed like the locator's grids. Each
 * segment of each road is cut into pieces of at most `pieceM` metres and each piece counts wholly
 * in the grid holding its midpoint (the locator's edge rule), so where a road crosses a grid border
 * the split is off by at most half a piece; pieces outside every grid count nowhere. A road drawn
 * twice (two ids over one street) counts twice. O(total road length / pieceM) point look-ups.
 */
export function gridRoadLengths(
  locator: GridLocator<string>,
  roads: readonly BasemapRoad[],
  pieceM: number = ROAD_PIECE_M,
): Float64Array {
  if (!(pieceM > 0)) throw new RangeError(`pieceM must be > 0, got ${pieceM}`);
  const out = new Float64Array(locator.size);
  for (const road of roads) {
    const points = road.geometry.coordinates;
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k]!;
      const b = points[k + 1]!;
      const length = greatCircleM(a, b);
      if (!(length > 0)) continue;
      const pieces = Math.ceil(length / pieceM);
      const each = length / pieces;
      for (let p = 0; p < pieces; p++) {
        const t = (p + 0.5) / pieces;
        const g = locator.indexOf(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t);
        if (g >= 0) out[g] = out[g]! + each;
      }
    }
  }
  return out;
}
