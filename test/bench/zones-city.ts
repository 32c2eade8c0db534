// The city-scale zone plan of the zones bench: synthetic cases, a plan drawn for last year's load,
// and the new development that has since unbalanced it.
import { centreDayStart } from '../../shared/calendar';
import type { TownshipDataset } from '../../shared/model';
import type { Grid } from '../../shared/model';
import { createRng, generateIncidentPoints, sampleMatterCatalogue } from '../../shared/sample';
import type { GridAdjacency } from '../../shared/spatial/grid-adjacency';
import { GridLocator } from '../../shared/spatial/grid-locator';
import type { WorkloadCase } from '../../shared/zones';
import { areaLoads, imbalanceOf } from '../../shared/zones/load';

const DAY_MS = 86_400_000;
/** Relative share of reports per hour of the day (a command centre's usual curve: mornings and afternoons). */
const HOURLY = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 6.5, 4, 4, 6, 6.5, 6, 5, 4, 3.5, 3, 2.5, 2, 1.5];

/** Centre of a grid's bounding box, lon/lat degrees. */
export function gridCentre(grid: Grid): readonly [number, number] {
  const ring =
    grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0]! : grid.geometry.coordinates[0]![0]!;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  return [(w + e) / 2, (s + n) / 2];
}

/**
 * A year of synthetic cases for the city's grids: incident points (hotspots on grid centres plus a
 * uniform share) located into grids, a matter drawn by the catalogue's frequencies, a report time
 * over the year before `until` by the hourly curve. Points outside every grid are dropped.
 */
export function cityCases(
  city: TownshipDataset,
  count: number,
  until: number,
  zone: string,
  seed: number,
): WorkloadCase[] {
  const { lon, lat } = generateIncidentPoints(city, count, seed);
  const locator = new GridLocator(city.grids);
  const at = new Int32Array(count);
  locator.locateMany(lon, lat, at);
  const rng = createRng(seed + 1);
  const catalogue = sampleMatterCatalogue();
  const weights = catalogue.map((e) => e.weight);
  const midnight = centreDayStart(until, zone);
  const cases: WorkloadCase[] = [];
  for (let k = 0; k < count; k++) {
    const g = at[k]!;
    if (g < 0) continue;
    const day = rng.int(1, 365);
    const hour = rng.weightedIndex(HOURLY);
    cases.push({
      gridCode: city.grids[g]!.code,
      matterCode: catalogue[rng.weightedIndex(weights)]!.matter.code,
      reportedAt: midnight - day * DAY_MS + hour * 3_600_000 + rng.int(0, 3_599_999),
      stage: 'closed',
    });
  }
  return cases;
}

/**
 * A contiguous partition of the grids into `count` areas of about equal `load`, as a centre would have
 * drawn its patrol areas: seeds spread by farthest-point sampling, then the lightest area takes the next
 * grid of its breadth-first frontier until every grid is taken.
 */
export function growAreas(
  adj: GridAdjacency,
  centres: readonly (readonly [number, number])[],
  load: ArrayLike<number>,
  count: number,
): Int32Array {
  const n = adj.size;
  const seeds = [0];
  const far = new Float64Array(n).fill(Infinity);
  while (seeds.length < count) {
    const last = centres[seeds[seeds.length - 1]!]!;
    let best = 0;
    for (let g = 0; g < n; g++) {
      const c = centres[g]!;
      far[g] = Math.min(far[g]!, Math.hypot((c[0] - last[0]) * 0.84, c[1] - last[1]));
      if (far[g]! > far[best]!) best = g;
    }
    seeds.push(best);
  }
  const area = new Int32Array(n).fill(-1);
  const loads = new Float64Array(count);
  const queues: number[][] = seeds.map((g) => [g]);
  const heads = new Int32Array(count);
  let left = n;
  while (left > 0) {
    let pick = -1;
    for (let a = 0; a < count; a++) {
      const q = queues[a]!;
      while (heads[a]! < q.length && area[q[heads[a]!]!]! >= 0) heads[a]!++;
      if (heads[a]! < q.length && (pick < 0 || loads[a]! < loads[pick]!)) pick = a;
    }
    if (pick < 0) throw new Error('grids not connected');
    const g = queues[pick]![heads[pick]!++]!;
    area[g] = pick;
    loads[pick] = loads[pick]! + load[g]!;
    left--;
    for (let e = adj.start[g]!; e < adj.start[g + 1]!; e++) {
      const h = adj.neighbours[e]!;
      if (area[h]! < 0 && adj.sharedM[e]! > 0) queues[pick]!.push(h);
    }
  }
  return area;
}

/**
 * Workload drift: new development around three places (Gaussian bumps, σ 1.2 km) multiplies the load
 * of the grids there by 1 + amplitude × bump, the amplitude found by bisection so that `areaOf`'s
 * imbalance is just at or above `atLeast`.
 */
export function driftLoads(
  centres: readonly (readonly [number, number])[],
  base: Float64Array,
  areaOf: Int32Array,
  count: number,
  atLeast: number,
  seed: number,
): { load: Float64Array; amplitude: number } {
  const rng = createRng(seed);
  const bumps = Array.from({ length: 3 }, () => centres[Math.floor(rng.next() * centres.length)]!);
  const sigma = 1200 / 111_000;
  const field = centres.map(([x, y]) =>
    bumps.reduce(
      (s, [bx, by]) => s + Math.exp(-(((x - bx) * 0.84) ** 2 + (y - by) ** 2) / (2 * sigma * sigma)),
      0,
    ),
  );
  const at = (amplitude: number): Float64Array => base.map((w, g) => w * (1 + amplitude * field[g]!));
  const reaches = (amplitude: number): boolean =>
    imbalanceOf(areaLoads(areaOf, at(amplitude), count)) >= atLeast;
  let high = 1;
  while (!reaches(high)) high *= 2;
  let low = 0;
  for (let k = 0; k < 30; k++) {
    const mid = (low + high) / 2;
    if (reaches(mid)) high = mid;
    else low = mid;
  }
  return { load: at(high), amplitude: high };
}
