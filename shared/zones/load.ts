/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */

/**
 * Area loads and the plan's imbalance (负荷不均衡度), shared by the plan checks, the balanced proposal
 * and the benchmark's baseline so they all measure alike.
 */

/** Sum of `load` per area (area index per grid in `areaOf`; grids with a negative area are left out). */
export function areaLoads(
  areaOf: ArrayLike<number>,
  load: ArrayLike<number>,
  areaCount: number,
): Float64Array {
  const out = new Float64Array(areaCount);
  for (let g = 0; g < areaOf.length; g++) {
    const a = areaOf[g]!;
    if (a >= 0 && a < areaCount) out[a] = out[a]! + load[g]!;
  }
  return out;
}

/**
 * The imbalance of area loads: the heaviest area's load over the mean load, minus one (0 is perfectly
 * even; 0.6 means the heaviest area carries 1.6 times the mean). With `capacity` (say, officers on duty
 * per area), each area's load per unit of capacity is compared with the total load over the total
 * capacity instead; equal capacities give the plain definition. 0 when there is no load at all.
 */
export function imbalanceOf(loads: ArrayLike<number>, capacity?: ArrayLike<number>): number {
  let total = 0;
  let room = 0;
  let peak = 0;
  for (let a = 0; a < loads.length; a++) {
    const c = capacity === undefined ? 1 : capacity[a]!;
    total += loads[a]!;
    room += c;
    if (c > 0) peak = Math.max(peak, loads[a]! / c);
  }
  if (total <= 0 || room <= 0) return 0;
  return peak / (total / room) - 1;
}
