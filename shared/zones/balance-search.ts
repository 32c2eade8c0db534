/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import { createRng } from '../sample/random';
import type { GridAdjacency } from '../spatial/grid-adjacency';
import { ContiguityGuard, joins, type Contiguity } from './contiguity';
import { areaLoads } from './load';

/** The live state of the balanced proposal's search (balance.ts): assignment, loads, boundary grids. */

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

/** Comparisons of loads allow this much rounding. */
export const EPS = 1e-12;

/** The live state of one search: assignment, loads, boundary grids per area. */
export class Search {
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
