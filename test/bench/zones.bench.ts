import { generateTownship } from '../../shared/sample';
import { buildGridAdjacency, type GridAdjacency } from '../../shared/spatial/grid-adjacency';
import {
  DEFAULT_SHIFT_PATTERNS,
  areaPieces,
  balanceAreas,
  gridWorkloads,
  imbalanceOf,
  zoneGrids,
  type BalanceOutcome,
} from '../../shared/zones';
import { areaLoads } from '../../shared/zones/load';
import { ContiguityGuard } from '../../shared/zones/contiguity';
import { measure } from './harness';
import { cityCases, driftLoads, gridCentre, growAreas } from './zones-city';

const AREAS = 20;
/** Ways the load is drifted (seeds of the new development's places). */
const DRIFTS = 8;
const CASES = 80_000;
const UNTIL = Date.parse('2026-11-01T08:00:00+08:00');
const ZONE = 'Asia/Shanghai';
/** Goal of issue 15: imbalance ≤ 5 % with ≤ 10 % of grids moved, in ≤ 1 s on one thread. */
const GOAL = { imbalance: 0.05, moved: 0.1, ms: 1000 };

interface Greedy {
  readonly areaOf: Int32Array;
  readonly steps: number;
  readonly moved: number;
  readonly imbalance: number;
  /** Grids away from their area when the imbalance first fell to 10 % and to 5 % (NaN: never). */
  readonly movedAt10: number;
  readonly movedAt5: number;
  /** The assignment when the imbalance first fell to 5 % (null: never). */
  readonly at5: Int32Array | null;
}

/**
 * The plain greedy baseline: each step scans every grid on an area border and makes the single move
 * (one grid to a bordering area) that lowers the sum of squared deviations of area loads the most,
 * with the same contiguity rule (ContiguityGuard) and no area emptied; it stops when no move helps.
 * Such a move never raises the heaviest area (it needs the giver heavier than the taker by more than
 * the grid), so the imbalance never rises either. Equal capacities.
 */
export function greedyBaseline(
  adj: GridAdjacency,
  start: Int32Array,
  load: Float64Array,
  count: number,
): Greedy {
  const area = Int32Array.from(start);
  const loads = areaLoads(area, load, count);
  const size = new Int32Array(count);
  for (const a of area) size[a]!++;
  const guard = new ContiguityGuard(adj, area);
  const candidates: { g: number; to: number; gain: number }[] = [];
  let moved = 0;
  let movedAt10 = NaN;
  let movedAt5 = NaN;
  let at5: Int32Array | null = null;
  let steps = 0;
  for (; steps < 4 * adj.size; steps++) {
    const now = imbalanceOf(loads);
    if (Number.isNaN(movedAt10) && now <= 0.1) movedAt10 = moved;
    if (Number.isNaN(movedAt5) && now <= 0.05) {
      movedAt5 = moved;
      at5 = Int32Array.from(area);
    }
    candidates.length = 0;
    for (let g = 0; g < adj.size; g++) {
      const x = area[g]!;
      if (size[x]! <= 1) continue;
      const w = load[g]!;
      for (let e = adj.start[g]!; e < adj.start[g + 1]!; e++) {
        const y = area[adj.neighbours[e]!]!;
        if (y === x || adj.sharedM[e]! <= 0) continue;
        // Change of Σ (L − mean)² when w goes from x to y: −2w(Lx − Ly) + 2w².
        const gain = 2 * w * (loads[x]! - loads[y]!) - 2 * w * w;
        if (gain > 1e-9) candidates.push({ g, to: y, gain });
      }
    }
    candidates.sort((p, q) => q.gain - p.gain || p.g - q.g || p.to - q.to);
    const move = candidates.find((c) => guard.canRemove(c.g));
    if (move === undefined) break;
    const from = area[move.g]!;
    loads[from] = loads[from]! - load[move.g]!;
    loads[move.to] = loads[move.to]! + load[move.g]!;
    size[from]!--;
    size[move.to]!++;
    if (area[move.g] === start[move.g]) moved++;
    else if (move.to === start[move.g]) moved--;
    area[move.g] = move.to;
  }
  return { areaOf: area, steps, moved, imbalance: imbalanceOf(loads), movedAt10, movedAt5, at5 };
}

function contiguous(adj: GridAdjacency, areaOf: Int32Array): boolean {
  return areaPieces(adj, areaOf, AREAS).piecesOfArea.every((p) => p.length === 1);
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** CPU time (user and system) this process has used since `from`, ms: wall time is inflated on a busy machine. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/** Length of border between different areas, km: how ragged the areas are (each border counted once). */
function cutKm(adj: GridAdjacency, areaOf: Int32Array): number {
  let m = 0;
  for (let g = 0; g < adj.size; g++)
    for (let e = adj.start[g]!; e < adj.start[g + 1]!; e++)
      if (areaOf[adj.neighbours[e]!] !== areaOf[g]) m += adj.sharedM[e]!;
  return m / 2000;
}

/** The median of a list of numbers (the lower middle one for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

/**
 * The balanced proposal at city scale (`npm run bench -- zones`, or `npm run bench:zones`): the city
 * layout of about 7,000 grids cut into 20 contiguous patrol areas balanced for last year's early-shift
 * load (80,000 synthetic cases located into grids, matters weighted double where enforcement needs two
 * certified officers, plus patrol by grid area; the city layout has no roads). That load is then
 * drifted by new development around three places until the plan is at least 60 % imbalanced, in
 * {@link DRIFTS} different ways (the places drawn from seeds 1…8). For each drift, on one thread: the
 * proposal at the default balance 0.5 (median of 3 runs; it is deterministic, so each run gives the
 * same answer) and the plain greedy baseline on the same input (once). For the first drift also the
 * two ends of the slider, balance 0 and 1. The adjacency build (once per grid set) is timed apart.
 * Every answer is checked: every grid assigned, every area in one piece, imbalance not above the
 * start; a failed check exits non-zero. The goal is judged on every drift.
 */
export async function benchZones(): Promise<Record<string, number>> {
  const city = generateTownship({ seed: 20261101, scale: 'city' });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const adjacency = buildGridAdjacency(city.grids.map((g) => g.geometry));
  const adjacencyMs = performance.now() - started;
  const adjacencyCpuMs = cpuMs(cpu);
  const grids = zoneGrids(city.grids, { adjacency });
  let borderLinks = 0;
  for (const m of adjacency.sharedM) if (m > 0) borderLinks++;
  const n = adjacency.size;
  console.log(
    `\nzones: ${n.toLocaleString('en')} grids, ${AREAS} patrol areas; adjacency built in ${adjacencyMs.toFixed(0)} ms ` +
      `(${adjacencyCpuMs.toFixed(0)} ms of CPU) ` +
      `(${(adjacency.neighbours.length / n).toFixed(1)} neighbours per grid, ${(borderLinks / n).toFixed(1)} sharing a border)`,
  );

  const cases = cityCases(city, CASES, UNTIL, ZONE, 15);
  const weights = Object.fromEntries(city.matters.filter((m) => m.needsCertified).map((m) => [m.code, 2]));
  const workload = gridWorkloads({
    grids,
    cases,
    from: UNTIL - 365 * 86_400_000,
    to: UNTIL,
    shift: DEFAULT_SHIFT_PATTERNS[0]!,
    zone: ZONE,
    matterWeights: weights,
  });
  const centres = city.grids.map(gridCentre);
  const current = growAreas(adjacency, centres, workload.load, AREAS);
  if (!contiguous(adjacency, current)) throw new Error('the current plan is not contiguous');
  const baseImbalance = imbalanceOf(areaLoads(current, workload.load, AREAS));
  const startBorders = cutKm(adjacency, current);
  console.log(
    `  load: ${workload.counted.toLocaleString('en')} cases in the early shift's hours over ${workload.occurrences} shifts; ` +
      `the current plan is ${pct(baseImbalance)} imbalanced on it, area borders ${startBorders.toFixed(0)} km; ` +
      `drifted ${DRIFTS} ways to ≥ 60 %`,
  );

  let failures = 0;
  const check = (name: string, areaOf: Int32Array, imbalance: number, before: number): void => {
    const assigned = areaOf.every((a) => a >= 0 && a < AREAS);
    const whole = contiguous(adjacency, areaOf);
    const notWorse = imbalance <= before + 1e-12;
    if (!assigned || !whole || !notWorse) {
      failures++;
      console.log(
        `  CHECK FAILED for ${name}: assigned ${assigned}, contiguous ${whole}, not worse ${notWorse}`,
      );
    }
  };
  const figures = (areaOf: Int32Array, moved: number): string =>
    `moved ${pct(moved / n).padStart(6)}, borders ${cutKm(adjacency, areaOf).toFixed(0).padStart(3)} km`;

  interface Row {
    before: number;
    ms: number;
    cpuMs: number;
    after: number;
    moved: number;
    borders: number;
    greedyMs: number;
    greedyAfter: number;
    greedyMoved: number;
    greedyMovedAt5: number;
    greedyBordersAt5: number;
  }
  const rows: Row[] = [];
  let ends: { fewest: BalanceOutcome & { ms: number }; best: BalanceOutcome & { ms: number } } | null = null;
  for (let drift = 1; drift <= DRIFTS; drift++) {
    const { load } = driftLoads(centres, workload.load, current, AREAS, 0.6, drift);
    const before = imbalanceOf(areaLoads(current, load, AREAS));
    const problem = { adjacency, areaOf: current, areaCount: AREAS, load };
    let outcome: BalanceOutcome | null = null;
    const proposalCpu = process.cpuUsage();
    const timing = measure('proposal', () => (outcome = balanceAreas(problem, { balance: 0.5, seed: 1 })), {
      warmup: drift === 1 ? 1 : 0,
      runs: 3,
    });
    const main = outcome as unknown as BalanceOutcome;
    const runCpuMs = cpuMs(proposalCpu) / (timing.runs + (drift === 1 ? 1 : 0));
    check(`drift ${drift}`, main.areaOf, main.imbalanceAfter, before);
    const greedyStart = performance.now();
    const greedy = greedyBaseline(adjacency, current, load, AREAS);
    const greedyMs = performance.now() - greedyStart;
    check(`greedy, drift ${drift}`, greedy.areaOf, greedy.imbalance, before);
    console.log(
      `  drift ${drift}: ${pct(before)} → proposal ${pct(main.imbalanceAfter)} in ${timing.medianMs.toFixed(0).padStart(4)} ms ` +
        `(${runCpuMs.toFixed(0)} ms CPU), ` +
        `${figures(main.areaOf, main.moves.length)} (${main.steps} steps, ${main.stats.searches} searches) | ` +
        `greedy ${pct(greedy.imbalance)} in ${greedyMs.toFixed(0).padStart(5)} ms, ${figures(greedy.areaOf, greedy.moved)}; ` +
        `at 5 % it had ${greedy.at5 === null ? 'never got there' : figures(greedy.at5, greedy.movedAt5)}`,
    );
    rows.push({
      before,
      ms: timing.medianMs,
      cpuMs: runCpuMs,
      after: main.imbalanceAfter,
      moved: main.moves.length / n,
      borders: cutKm(adjacency, main.areaOf),
      greedyMs,
      greedyAfter: greedy.imbalance,
      greedyMoved: greedy.moved / n,
      greedyMovedAt5: greedy.movedAt5 / n,
      greedyBordersAt5: greedy.at5 === null ? NaN : cutKm(adjacency, greedy.at5),
    });
    if (drift === 1) {
      const run = (balance: number): BalanceOutcome & { ms: number } => {
        const t = performance.now();
        const out = balanceAreas(problem, { balance, seed: 1 });
        const ms = performance.now() - t;
        check(`drift 1, balance ${balance}`, out.areaOf, out.imbalanceAfter, before);
        return { ...out, ms };
      };
      ends = { fewest: run(0), best: run(1) };
      for (const [name, out] of [
        ['fewest moves (balance 0)', ends.fewest],
        ['best balance (balance 1)', ends.best],
      ] as const)
        console.log(
          `           ${name}: ${pct(out.imbalanceAfter)} in ${out.ms.toFixed(0)} ms, ${figures(out.areaOf, out.moves.length)}`,
        );
    }
  }
  const met = rows.filter(
    (r) => r.after <= GOAL.imbalance + 1e-12 && r.moved <= GOAL.moved && r.ms <= GOAL.ms,
  ).length;
  const col = (f: (r: Row) => number): number[] => rows.map(f);
  console.log(
    `  median over the ${DRIFTS} drifts: proposal ${median(col((r) => r.ms)).toFixed(0)} ms ` +
      `(${median(col((r) => r.cpuMs)).toFixed(0)} ms CPU), ` +
      `${pct(median(col((r) => r.moved)))} moved (worst ${pct(Math.max(...col((r) => r.moved)))}), ` +
      `borders ${median(col((r) => r.borders)).toFixed(0)} km; greedy ${median(col((r) => r.greedyMs)).toFixed(0)} ms, ` +
      `${pct(median(col((r) => r.greedyMovedAt5)))} moved when at 5 %, borders then ${median(col((r) => r.greedyBordersAt5)).toFixed(0)} km`,
  );
  console.log(
    `  goal imbalance ≤ 5 % with ≤ 10 % of grids moved in ≤ 1 s single-threaded: ${met === DRIFTS ? 'met' : 'NOT met'} ` +
      `on ${met} of ${DRIFTS} drifts (adjacency build, once per grid set, ${adjacencyMs.toFixed(0)} ms more, ${adjacencyCpuMs.toFixed(0)} ms of CPU)`,
  );
  if (failures > 0) process.exitCode = 1;
  const fewest = ends!.fewest;
  const best = ends!.best;
  return {
    grids: n,
    areas: AREAS,
    cases: workload.counted,
    drifts: DRIFTS,
    adjacencyMs,
    adjacencyCpuMs,
    imbalanceBase: baseImbalance,
    imbalanceBefore: median(col((r) => r.before)),
    proposalMs: median(col((r) => r.ms)),
    proposalMsMax: Math.max(...col((r) => r.ms)),
    proposalCpuMs: median(col((r) => r.cpuMs)),
    imbalanceAfter: median(col((r) => r.after)),
    imbalanceAfterMax: Math.max(...col((r) => r.after)),
    movedShare: median(col((r) => r.moved)),
    movedShareMax: Math.max(...col((r) => r.moved)),
    bordersKmBefore: startBorders,
    bordersKmAfter: median(col((r) => r.borders)),
    fewestImbalance: fewest.imbalanceAfter,
    fewestMovedShare: fewest.moves.length / n,
    bestImbalance: best.imbalanceAfter,
    bestMovedShare: best.moves.length / n,
    greedyMs: median(col((r) => r.greedyMs)),
    greedyImbalance: median(col((r) => r.greedyAfter)),
    greedyMovedShare: median(col((r) => r.greedyMoved)),
    greedyMovedShareAt5: median(col((r) => r.greedyMovedAt5)),
    greedyBordersKmAt5: median(col((r) => r.greedyBordersAt5)),
    /** Greedy's time over the proposal's, median over the drifts. */
    greedyVsProposal: median(col((r) => r.greedyMs / r.ms)),
    goalMetDrifts: met,
    checkFailures: failures,
  };
}
