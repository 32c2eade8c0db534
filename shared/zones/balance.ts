/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import { createRng } from '../sample/random';
import type { GridAdjacency } from '../spatial/grid-adjacency';
import { ContiguityGuard, joins, type Contiguity } from './contiguity';
import { areaLoads, imbalanceOf } from './load';

/**
 * The balanced proposal's search (均衡划分): moves one boundary grid at a time between neighbouring
 * patrol areas until the heaviest area's expected load is within a tolerance of the mean, keeping as
 * many grids as possible where they are and every area in one piece.
 *
 * Each round takes the heaviest area H (load per capacity) and finds, over the graph of areas that
 * share a border, the cheapest chain H → X₁ → … → T to an area T with room; then it moves one grid
 * across each border of the chain (H gives a grid to X₁, X₁ one to X₂, …), so the intermediate areas
 * keep about their load while H's goes down and T's up. A chain's cost counts the grids it takes out
 * of their original area (moving a grid back home is cheapest, a grid already moved once costs less
 * than a new one), so load travels the shortest way and earlier moves are undone before new ones are
 * made. The grid to move across a border is chosen by a weighted score: a grid going back home first,
 * then, traded against each other, how much of its border it already shares with the receiving area
 * (the boundary stays short and areas compact) and how much load it carries up to what the chain wants
 * (a heavy grid does the work of several light ones, so fewer grids move).
 * A chain is kept only if the sum of squared deviations from the mean falls and no area ends above the
 * old maximum; otherwise it is undone and another is tried. So the imbalance never rises and the
 * search ends. A last pass sends grids back home wherever that keeps the imbalance within the target.
 *
 * Contiguity: a grid leaves its area only if {@link ContiguityGuard} says the area's pieces do not
 * increase (a look at the grid's neighbours, a search bounded to the area when that is inconclusive),
 * and joins only an area it borders; no area is emptied.
 */

/** The imbalance the search stops at when `balance` is 0 ("fewest moves"): within 10 % of the mean. */
export const TOLERANCE_AT_FEWEST_MOVES = 0.1;

export interface BalanceProblem {
  readonly adjacency: GridAdjacency;
  /** Area index of each grid at the start, 0 … areaCount − 1 (the current plan): every grid assigned. */
  readonly areaOf: ArrayLike<number>;
  readonly areaCount: number;
  /** Expected workload of each grid (workload.ts), ≥ 0, in any unit. */
  readonly load: ArrayLike<number>;
  /** Capacity of each area (officers on duty, say), > 0; default 1 each: areas get equal loads. */
  readonly capacity?: ArrayLike<number>;
  /** Grids that must stay where they are (1 = fixed); default none. */
  readonly fixed?: ArrayLike<number>;
  /** Default `border`: areas stay connected through shared borders, not corners. */
  readonly contiguity?: Contiguity;
}

export interface BalanceOptions {
  /**
   * 0 = fewest moves … 1 = best balance (default 0.5). The search stops once the imbalance is at most
   * (1 − balance) × {@link TOLERANCE_AT_FEWEST_MOVES}, so 0 accepts 10 %, 0.5 aims at 5 %, 1 goes on
   * while any chain still lowers the heaviest area; the final pass moves grids back home within it.
   */
  readonly balance?: number;
  /** Seeds the tie-breaks between equally good grids; the same seed gives the same proposal. Default 1. */
  readonly seed?: number;
  /**
   * A budget of single-grid moves (default: the number of grids): no chain starts once it is spent
   * (the last chain may pass it by its length), and the search stops with `stopped: 'steps'`.
   */
  readonly maxSteps?: number;
}

/** One grid whose area differs between the start and the proposal. */
export interface BalanceMove {
  readonly grid: number;
  readonly from: number;
  readonly to: number;
}

export interface BalanceOutcome {
  /** Area of each grid in the proposal. */
  readonly areaOf: Int32Array;
  /** Grids that end in another area than they started in, by grid index. */
  readonly moves: readonly BalanceMove[];
  /** Single-grid moves made and kept (a grid passed on twice counts twice; the final pass included). */
  readonly steps: number;
  readonly loadBefore: Float64Array;
  readonly loadAfter: Float64Array;
  readonly imbalanceBefore: number;
  readonly imbalanceAfter: number;
  /** The imbalance aimed at: (1 − balance) × {@link TOLERANCE_AT_FEWEST_MOVES}. */
  readonly target: number;
  /** Why it stopped: the target was met, no chain lowered the heaviest area, or `maxSteps` ran out. */
  readonly stopped: 'target' | 'stuck' | 'steps';
  /** Chains kept and chains tried but undone; contiguity questions settled locally and by a search. */
  readonly stats: {
    readonly chains: number;
    readonly undone: number;
    readonly localChecks: number;
    readonly searches: number;
  };
}

/** Chain hop costs by kind of grid moved: back home, already moved once, leaving home. */
const HOP_COST = [0.5, 1.5, 2.5] as const;
const NO_EDGE = 255;
/** Most grids one area of a chain passes on to the next. */
const MAX_GRIDS_PER_HOP = 6;
const EPS = 1e-12;

/** Checks the problem's shapes; throws RangeError naming what is wrong (a programming error, not input). */
function checkProblem(p: BalanceProblem, balance: number): void {
  const n = p.adjacency.size;
  if (p.areaOf.length !== n || p.load.length !== n)
    throw new RangeError(`areaOf (${p.areaOf.length}) and load (${p.load.length}) must have ${n} grids`);
  if (!(balance >= 0 && balance <= 1)) throw new RangeError(`balance must be in [0, 1], got ${balance}`);
  for (let g = 0; g < n; g++) {
    const a = p.areaOf[g]!;
    if (!Number.isInteger(a) || a < 0 || a >= p.areaCount)
      throw new RangeError(`grid ${g} has area ${a}, not in 0…${p.areaCount - 1}`);
    const w = p.load[g]!;
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`grid ${g} has load ${w}`);
  }
  if (p.capacity !== undefined) {
    if (p.capacity.length !== p.areaCount) throw new RangeError(`capacity must have ${p.areaCount} areas`);
    for (let a = 0; a < p.areaCount; a++)
      if (!(p.capacity[a]! > 0 && Number.isFinite(p.capacity[a]!)))
        throw new RangeError(`area ${a} has capacity ${p.capacity[a]}`);
  }
}

/** The live state of one search: assignment, loads, boundary grids per area. */
class Search {
  readonly n: number;
  readonly k: number;
  readonly area: Int32Array;
  readonly home: Int32Array;
  readonly load: Float64Array;
  readonly cap: Float64Array;
  readonly areaLoad: Float64Array;
  readonly size: Int32Array;
  readonly fixed: Uint8Array;
  readonly guard: ContiguityGuard;
  /** Boundary grids of each area (a border link to another area), with each grid's slot in its list. */
  readonly boundary: number[][];
  readonly slot: Int32Array;
  /** The area whose boundary list holds each grid, or -1. */
  readonly listedIn: Int32Array;
  /** Per grid: total length of border that keeps it connected (metres), or the count of such links. */
  readonly borderTotal: Float64Array;
  readonly mean: number;
  /** Mean load of one grid. */
  readonly typical: number;
  readonly tieBreak: Float64Array;
  steps = 0;

  constructor(
    readonly p: BalanceProblem,
    readonly contiguity: Contiguity,
    seed: number,
  ) {
    this.n = p.adjacency.size;
    this.k = p.areaCount;
    this.area = Int32Array.from(p.areaOf);
    this.home = Int32Array.from(p.areaOf);
    this.load = Float64Array.from(p.load);
    this.cap = p.capacity === undefined ? new Float64Array(this.k).fill(1) : Float64Array.from(p.capacity);
    this.areaLoad = areaLoads(this.area, this.load, this.k);
    this.size = new Int32Array(this.k);
    for (let g = 0; g < this.n; g++) this.size[this.area[g]!]!++;
    this.fixed = new Uint8Array(this.n);
    if (p.fixed !== undefined) for (let g = 0; g < this.n; g++) this.fixed[g] = p.fixed[g] ? 1 : 0;
    this.guard = new ContiguityGuard(p.adjacency, this.area, contiguity);
    this.boundary = Array.from({ length: this.k }, () => []);
    this.slot = new Int32Array(this.n).fill(-1);
    this.listedIn = new Int32Array(this.n).fill(-1);
    this.borderTotal = new Float64Array(this.n);
    const adj = p.adjacency;
    for (let g = 0; g < this.n; g++) {
      let total = 0;
      for (let e = adj.start[g]!; e < adj.start[g + 1]!; e++)
        if (joins(adj, e, contiguity)) total += this.linkWeight(e);
      this.borderTotal[g] = total;
      this.refreshBoundary(g);
    }
    let totalLoad = 0;
    let totalCap = 0;
    for (let a = 0; a < this.k; a++) {
      totalLoad += this.areaLoad[a]!;
      totalCap += this.cap[a]!;
    }
    this.mean = totalLoad / totalCap;
    this.typical = this.n > 0 ? totalLoad / this.n : 0;
    const rng = createRng(seed);
    this.tieBreak = new Float64Array(this.n);
    for (let g = 0; g < this.n; g++) this.tieBreak[g] = rng.next();
  }

  /** Weight of a link for "how surrounded": its border length, or 1 per link when touching counts alone. */
  linkWeight(e: number): number {
    return this.contiguity === 'touch' ? 1 : this.p.adjacency.sharedM[e]!;
  }

  ratio(a: number): number {
    return this.areaLoad[a]! / this.cap[a]!;
  }

  /** Sum of squared deviations (per capacity) of one area. */
  deviation(a: number): number {
    const d = this.areaLoad[a]! - this.mean * this.cap[a]!;
    return (d * d) / this.cap[a]!;
  }

  heaviest(): number {
    let best = 0;
    for (let a = 1; a < this.k; a++) if (this.ratio(a) > this.ratio(best) + EPS) best = a;
    return best;
  }

  peak(): number {
    let peak = -Infinity;
    for (let a = 0; a < this.k; a++) peak = Math.max(peak, this.ratio(a));
    return peak;
  }

  imbalance(): number {
    return this.mean > 0 ? this.peak() / this.mean - 1 : 0;
  }

  private isBoundary(g: number): boolean {
    const adj = this.p.adjacency;
    const a = this.area[g]!;
    for (let e = adj.start[g]!; e < adj.start[g + 1]!; e++)
      if (this.area[adj.neighbours[e]!] !== a && joins(adj, e, this.contiguity)) return true;
    return false;
  }

  /** Puts `g` in its area's boundary list, or takes it out, after `g` or a neighbour moved. */
  private refreshBoundary(g: number): void {
    const was = this.listedIn[g]!;
    if (was >= 0) {
      const list = this.boundary[was]!;
      const at = this.slot[g]!;
      const last = list.pop()!;
      if (last !== g) {
        list[at] = last;
        this.slot[last] = at;
      }
      this.slot[g] = -1;
      this.listedIn[g] = -1;
    }
    if (this.isBoundary(g)) {
      const a = this.area[g]!;
      const list = this.boundary[a]!;
      this.slot[g] = list.length;
      this.listedIn[g] = a;
      list.push(g);
    }
  }

  /** Moves grid `g` to area `to`, keeping loads, sizes and boundary lists; `undo` does not count a step. */
  move(g: number, to: number, undo = false): void {
    const from = this.area[g]!;
    const w = this.load[g]!;
    this.areaLoad[from] = this.areaLoad[from]! - w;
    this.areaLoad[to] = this.areaLoad[to]! + w;
    this.size[from]!--;
    this.size[to]!++;
    this.area[g] = to;
    this.steps += undo ? -1 : 1;
    const adj = this.p.adjacency;
    this.refreshBoundary(g);
    for (let e = adj.start[g]!; e < adj.start[g + 1]!; e++) this.refreshBoundary(adj.neighbours[e]!);
  }

  /** Share of `g`'s connecting border that it shares with area `to` (0 … 1). */
  attachment(g: number, to: number): number {
    const adj = this.p.adjacency;
    let shared = 0;
    for (let e = adj.start[g]!; e < adj.start[g + 1]!; e++)
      if (this.area[adj.neighbours[e]!] === to && joins(adj, e, this.contiguity))
        shared += this.linkWeight(e);
    const total = this.borderTotal[g]!;
    return total > 0 ? shared / total : 0;
  }

  /** 0: back home, 1: already moved once, 2: leaving home — for a move of `g` to `to`. */
  kind(g: number, to: number): 0 | 1 | 2 {
    const home = this.home[g]!;
    if (home === to) return 0;
    return home !== this.area[g] ? 1 : 2;
  }

  /** Whether `g` may leave its area now: not fixed, not the area's last grid, the area stays in one piece. */
  mayLeave(g: number): boolean {
    return this.fixed[g] === 0 && this.size[this.area[g]!]! > 1 && this.guard.canRemove(g);
  }
}

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
function improveOnce(s: Search, target: number, counts: { undone: number }): 'kept' | 'none' {
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
function returnHome(s: Search, target: number, maxSteps: number): void {
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

/**
 * Proposes a more even assignment of grids to areas; see the module comment for the method. Pure and
 * deterministic: the same problem, balance and seed give the same outcome. Guarantees: every grid keeps
 * an area, no area is emptied, no area's pieces increase (a contiguous plan stays contiguous), and
 * `imbalanceAfter ≤ imbalanceBefore`. Throws RangeError for a malformed problem (lengths, an area index
 * out of range, a negative or non-finite load or capacity, balance outside [0, 1]).
 */
export function balanceAreas(problem: BalanceProblem, options: BalanceOptions = {}): BalanceOutcome {
  const balance = options.balance ?? 0.5;
  checkProblem(problem, balance);
  const target = (1 - balance) * TOLERANCE_AT_FEWEST_MOVES;
  const s = new Search(problem, problem.contiguity ?? 'border', options.seed ?? 1);
  const maxSteps = options.maxSteps ?? s.n;
  const loadBefore = Float64Array.from(s.areaLoad);
  const imbalanceBefore = imbalanceOf(loadBefore, s.cap);
  const counts = { chains: 0, undone: 0 };
  let stopped: BalanceOutcome['stopped'] = 'target';
  while (s.imbalance() > target + EPS) {
    if (s.steps >= maxSteps) {
      stopped = 'steps';
      break;
    }
    if (improveOnce(s, target, counts) === 'none') {
      stopped = 'stuck';
      break;
    }
    counts.chains++;
  }
  returnHome(s, target, maxSteps);
  const moves: BalanceMove[] = [];
  for (let g = 0; g < s.n; g++)
    if (s.area[g] !== s.home[g]) moves.push({ grid: g, from: s.home[g]!, to: s.area[g]! });
  const loadAfter = areaLoads(s.area, s.load, s.k);
  const guard = s.guard.counts;
  return {
    areaOf: s.area,
    moves,
    steps: s.steps,
    loadBefore,
    loadAfter,
    imbalanceBefore,
    imbalanceAfter: imbalanceOf(loadAfter, s.cap),
    target,
    stopped,
    stats: {
      chains: counts.chains,
      undone: counts.undone,
      localChecks: guard.local,
      searches: guard.searched,
    },
  };
}
