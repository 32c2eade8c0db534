/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import { joins } from './contiguity';
import { EPS, type Search } from './balance-search';

/**
 * The chains of the balanced proposal (balance.ts): the cheapest way from the heaviest area to one
 * with room over the graph of bordering areas, the grid to pass across each border, and the final
 * pass that sends grids back home.
 */

/** Chain hop costs by kind of grid moved: back home, already moved once, leaving home. */
const HOP_COST = [0.5, 1.5, 2.5] as const;
const NO_EDGE = 255;
/** Most grids one area of a chain passes on to the next. */
const MAX_GRIDS_PER_HOP = 6;

/**
 * The cheapest kind of move across each border of areas (X → Y), from the boundary lists: a K × K
 * table of {@link HOP_COST} indices, {@link NO_EDGE} where X has no movable grid bordering Y.
 */
function hopKinds(s: Search): Uint8Array {
  const adj = s.p.adjacency;
  const kinds = new Uint8Array(s.k * s.k).fill(NO_EDGE);
  for (let x = 0; x < s.k; x++) {
    if (s.size[x]! <= 1) continue;
    for (const g of s.boundary[x]!) {
      if (s.fixed[g] === 1) continue;
      for (let e = adj.start[g]!; e < adj.start[g + 1]!; e++) {
        const y = s.area[adj.neighbours[e]!]!;
        if (y === x || !joins(adj, e, s.contiguity)) continue;
        const kind = s.kind(g, y);
        if (kind < kinds[x * s.k + y]!) kinds[x * s.k + y] = kind;
      }
    }
  }
  return kinds;
}

/** Cheapest chain costs from `from` over the area graph (Dijkstra on K nodes), skipping blocked hops. */
function chainCosts(
  s: Search,
  kinds: Uint8Array,
  blocked: Uint8Array,
  from: number,
): { cost: Float64Array; prev: Int32Array } {
  const k = s.k;
  const cost = new Float64Array(k).fill(Infinity);
  const prev = new Int32Array(k).fill(-1);
  const done = new Uint8Array(k);
  cost[from] = 0;
  for (;;) {
    let x = -1;
    for (let a = 0; a < k; a++)
      if (done[a] === 0 && cost[a]! < Infinity && (x < 0 || cost[a]! < cost[x]!)) x = a;
    if (x < 0) break;
    done[x] = 1;
    for (let y = 0; y < k; y++) {
      const kind = kinds[x * k + y]!;
      if (kind === NO_EDGE || blocked[x * k + y] === 1 || done[y] === 1) continue;
      const c = cost[x]! + HOP_COST[kind as 0 | 1 | 2];
      if (c < cost[y]! - EPS) {
        cost[y] = c;
        prev[y] = x;
      }
    }
  }
  return { cost, prev };
}

/**
 * The area a chain from `h` should end at: the cheapest one that stays within the target after taking
 * a typical grid, else the cheapest below the mean, else the cheapest still lighter than `h` by a grid;
 * ties go to the lighter area. -1 when none is reachable.
 */
function pickTarget(s: Search, h: number, cost: Float64Array, target: number, skip: Uint8Array): number {
  const typical = s.typical;
  const limits = [
    (a: number) => s.ratio(a) + typical / s.cap[a]! <= s.mean * (1 + target) + EPS,
    (a: number) => s.ratio(a) < s.mean - EPS,
    (a: number) => s.ratio(a) + typical / s.cap[a]! < s.ratio(h) - EPS,
  ];
  for (const eligible of limits) {
    let best = -1;
    for (let a = 0; a < s.k; a++) {
      if (a === h || skip[a] === 1 || cost[a] === Infinity || !eligible(a)) continue;
      if (
        best < 0 ||
        cost[a]! < cost[best]! - EPS ||
        (Math.abs(cost[a]! - cost[best]!) <= EPS && s.ratio(a) < s.ratio(best))
      )
        best = a;
    }
    if (best >= 0) return best;
  }
  return -1;
}

/** Weights of a candidate grid's score (lower is better): its kind of move, its attachment, its load. */
const KIND_WEIGHT = 4;
const ATTACH_WEIGHT = 2;
const HEAVY_WEIGHT = 6;

/**
 * The load part of a candidate's score: up to what the chain wants moved, heavier grids score better
 * (they carry more load per grid moved, up to four typical grids' worth); past it, the overshoot costs.
 */
function loadScore(w: number, wanted: number, typical: number): number {
  if (!(wanted > 0)) return 0;
  if (w <= wanted) return -HEAVY_WEIGHT * Math.min(1, w / (4 * typical));
  return Math.min(3, (2 * (w - wanted)) / wanted);
}

/**
 * The grid to move across the border x → y, or -1: movable, not already moved in this chain, best by
 * a weighted score of its kind (home first), its attachment to y (the share of its border it shares
 * with y), and its load against `wanted` ({@link loadScore}), then the seeded tie-break. A grid lighter than `floor` would leave x (an area the chain passes through) above the
 * old peak: it comes last.
 */
function pickGrid(s: Search, x: number, y: number, wanted: number, floor: number, used: Set<number>): number {
  const adj = s.p.adjacency;
  const candidates: { g: number; score: number }[] = [];
  for (const g of s.boundary[x]!) {
    if (s.fixed[g] === 1 || used.has(g)) continue;
    let borders = false;
    for (let e = adj.start[g]!; e < adj.start[g + 1]! && !borders; e++)
      borders = s.area[adj.neighbours[e]!] === y && joins(adj, e, s.contiguity);
    if (!borders) continue;
    const w = s.load[g]!;
    const score =
      KIND_WEIGHT * s.kind(g, y) +
      ATTACH_WEIGHT * (1 - s.attachment(g, y)) +
      loadScore(w, wanted, s.typical) +
      (w < floor - EPS ? 20 : 0) +
      0.01 * s.tieBreak[g]!;
    candidates.push({ g, score });
  }
  candidates.sort((p, q) => p.score - q.score);
  for (const { g } of candidates) if (s.mayLeave(g)) return g;
  return -1;
}

/**
 * Tries one chain from the heaviest area: returns 'kept', or 'none' when no chain helps (the search is
 * stuck). Undone chains block their hop or target and the next cheapest is tried.
 */
export function improveOnce(s: Search, target: number, counts: { undone: number }): 'kept' | 'none' {
  const h = s.heaviest();
  if (s.size[h]! <= 1) return 'none';
  const blocked = new Uint8Array(s.k * s.k);
  const skip = new Uint8Array(s.k);
  const kinds = hopKinds(s);
  for (let attempt = 0; attempt < s.k * s.k; attempt++) {
    const { cost, prev } = chainCosts(s, kinds, blocked, h);
    const t = pickTarget(s, h, cost, target, skip);
    if (t < 0) return 'none';
    const path: number[] = [];
    for (let a = t; a !== -1; a = prev[a]!) path.push(a);
    path.reverse();
    const peakBefore = s.peak();
    const touched = new Set(path);
    let deviationBefore = 0;
    for (const a of touched) deviationBefore += s.deviation(a);
    const done: [number, number][] = [];
    const used = new Set<number>();
    let wanted = Math.min(
      s.areaLoad[h]! - s.mean * s.cap[h]!,
      Math.max(s.mean * (1 + target) * s.cap[t]! - s.areaLoad[t]!, s.typical),
    );
    let failed = -1;
    for (let i = 0; i + 1 < path.length; i++) {
      // An area the chain passes through has just taken load: it passes on grids, one at a time,
      // until it is back at or under the old peak (one is usually enough; a heavy grid taken from
      // a hot spot may need several light ones passed on).
      const x = path[i]!;
      const y = path[i + 1]!;
      const limit = peakBefore * s.cap[x]! + EPS;
      let passed = 0;
      let count = 0;
      for (; count < MAX_GRIDS_PER_HOP; count++) {
        const floor = i === 0 ? 0 : s.areaLoad[x]! - limit;
        const g = pickGrid(s, x, y, wanted - passed, floor, used);
        if (g < 0) break;
        done.push([g, x]);
        used.add(g);
        s.move(g, y);
        passed += s.load[g]!;
        if (i === 0 || s.areaLoad[x]! <= limit) {
          count++;
          break;
        }
      }
      if (count === 0 || (i > 0 && s.areaLoad[x]! > limit)) {
        failed = i;
        break;
      }
      wanted = passed;
    }
    let deviationAfter = 0;
    for (const a of touched) deviationAfter += s.deviation(a);
    const better =
      failed < 0 &&
      deviationAfter < deviationBefore - EPS * (1 + deviationBefore) &&
      s.peak() <= peakBefore + EPS;
    if (better) return 'kept';
    for (let i = done.length - 1; i >= 0; i--) s.move(done[i]![0], done[i]![1], true);
    counts.undone++;
    if (failed >= 0) blocked[path[failed]! * s.k + path[failed + 1]!] = 1;
    else skip[t] = 1;
  }
  return 'none';
}

/** Sends moved grids back home wherever the imbalance stays within max(target, current). */
export function returnHome(s: Search, target: number, maxSteps: number): void {
  const adj = s.p.adjacency;
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    const away: number[] = [];
    for (let g = 0; g < s.n; g++) if (s.area[g] !== s.home[g]) away.push(g);
    away.sort((a, b) => s.tieBreak[a]! - s.tieBreak[b]!);
    for (const g of away) {
      if (s.steps >= maxSteps) return;
      const home = s.home[g]!;
      const x = s.area[g]!;
      if (x === home) continue;
      let borders = false;
      for (let e = adj.start[g]!; e < adj.start[g + 1]! && !borders; e++)
        borders = s.area[adj.neighbours[e]!] === home && joins(adj, e, s.contiguity);
      if (!borders) continue;
      const allowed = Math.max(target, s.imbalance());
      const w = s.load[g]!;
      const after = (s.areaLoad[home]! + w) / s.cap[home]!;
      let peak = after;
      for (let a = 0; a < s.k; a++) if (a !== home && a !== x) peak = Math.max(peak, s.ratio(a));
      peak = Math.max(peak, (s.areaLoad[x]! - w) / s.cap[x]!);
      if (s.mean > 0 && peak / s.mean - 1 > allowed + EPS) continue;
      if (!s.mayLeave(g)) continue;
      s.move(g, home);
      changed = true;
    }
    if (!changed) return;
  }
}
