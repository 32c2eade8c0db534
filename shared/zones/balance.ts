/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import { improveOnce, returnHome } from './balance-chains';
import { EPS, Search, type BalanceProblem } from './balance-search';
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
 * Contiguity: a grid leaves its area only if the ContiguityGuard (contiguity.ts) says its pieces do not
 * increase (a look at the grid's neighbours, a search bounded to the area when that is inconclusive),
 * and joins only an area it borders; no area is emptied.
 */

export type { BalanceProblem } from './balance-search';

/** The imbalance the search stops at when `balance` is 0 ("fewest moves"): within 10 % of the mean. */
export const TOLERANCE_AT_FEWEST_MOVES = 0.1;

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
