/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import { balanceAreas, type BalanceOptions, type BalanceOutcome } from './balance';
import type { Contiguity } from './contiguity';
import type { ZoneRefusal } from './messages';
import { indexPlan, type ZoneGrids, type ZonePlan } from './plan';
import type { PlanEdit } from './plan-edit';

/** One grid the proposal moves, from its area in the plan to its proposed area. */
export interface ProposedMove {
  readonly code: string;
  readonly from: string;
  readonly to: string;
}

/** One area before and after the proposal. */
export interface ProposedArea {
  readonly areaId: string;
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly gridsBefore: number;
  readonly gridsAfter: number;
  /** Grids it gains and loses. */
  readonly gained: number;
  readonly lost: number;
}

export interface ZoneProposal {
  /** By grid code. */
  readonly moves: readonly ProposedMove[];
  /** In the plan's area order. */
  readonly areas: readonly ProposedArea[];
  readonly imbalanceBefore: number;
  readonly imbalanceAfter: number;
  /** The imbalance aimed at (from `balance`) and why the search stopped (balance.ts). */
  readonly target: number;
  readonly stopped: BalanceOutcome['stopped'];
  /** Single-grid moves the search made, a grid passed on twice counted twice. */
  readonly steps: number;
}

export interface ProposalInput {
  readonly plan: ZonePlan;
  readonly grids: ZoneGrids;
  /** Expected workload per grid, indexed like `grids.codes` (workload.ts). */
  readonly load: ArrayLike<number>;
  /**
   * Capacity per area id (the officers on duty in the area's team, say): areas then carry load in
   * proportion. Absent areas (and no capacity at all) count 1.
   */
  readonly capacity?: Readonly<Record<string, number>>;
  /** Grids the leader pinned: they stay in their area. */
  readonly fixed?: ReadonlySet<string>;
  readonly contiguity?: Contiguity;
  readonly options?: BalanceOptions;
}

/**
 * A balanced proposal for a plan (均衡方案): the grids to move so that expected workload is even
 * across its areas, keeping as many grids as possible where they are; see balance.ts for the search
 * and its guarantees (every grid keeps an area, contiguous areas stay contiguous, the imbalance never
 * rises, deterministic for a seed). Pure; meant for a Web Worker on city-sized grid sets.
 *
 * Refused (`zones.proposal.coverage`) unless the plan covers every grid of the set exactly once with
 * an area it has, and (`zones.proposal.noLoad`) when the load is zero everywhere.
 */
export function proposeBalancedPlan(
  input: ProposalInput,
): { ok: true; proposal: ZoneProposal } | { ok: false; refusal: ZoneRefusal } {
  const { plan, grids } = input;
  const { areaIds, areaOf } = indexPlan(plan, grids);
  const extra = Object.keys(plan.gridAreas).some((code) => !grids.indexOf.has(code));
  if (extra || areaOf.some((a) => a < 0) || areaIds.length === 0)
    return { ok: false, refusal: { key: 'zones.proposal.coverage', params: {} } };
  if (input.load.length !== grids.codes.length)
    throw new RangeError(`load has ${input.load.length} values for ${grids.codes.length} grids`);
  let total = 0;
  for (let g = 0; g < input.load.length; g++) total += input.load[g]!;
  if (!(total > 0)) return { ok: false, refusal: { key: 'zones.proposal.noLoad', params: {} } };
  const fixed = new Uint8Array(grids.codes.length);
  if (input.fixed !== undefined)
    grids.codes.forEach((code, g) => (fixed[g] = input.fixed!.has(code) ? 1 : 0));
  const outcome = balanceAreas(
    {
      adjacency: grids.adjacency,
      areaOf,
      areaCount: areaIds.length,
      load: input.load,
      capacity: areaIds.map((id) => input.capacity?.[id] ?? 1),
      fixed,
      contiguity: input.contiguity ?? 'border',
    },
    input.options,
  );
  const moves = outcome.moves
    .map((m) => ({ code: grids.codes[m.grid]!, from: areaIds[m.from]!, to: areaIds[m.to]! }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const before = new Int32Array(areaIds.length);
  const after = new Int32Array(areaIds.length);
  for (let g = 0; g < areaOf.length; g++) {
    before[areaOf[g]!]!++;
    after[outcome.areaOf[g]!]!++;
  }
  const gained = new Int32Array(areaIds.length);
  const lost = new Int32Array(areaIds.length);
  for (const m of outcome.moves) {
    gained[m.to]!++;
    lost[m.from]!++;
  }
  const areas = areaIds.map((areaId, a) => ({
    areaId,
    loadBefore: outcome.loadBefore[a]!,
    loadAfter: outcome.loadAfter[a]!,
    gridsBefore: before[a]!,
    gridsAfter: after[a]!,
    gained: gained[a]!,
    lost: lost[a]!,
  }));
  return {
    ok: true,
    proposal: {
      moves,
      areas,
      imbalanceBefore: outcome.imbalanceBefore,
      imbalanceAfter: outcome.imbalanceAfter,
      target: outcome.target,
      stopped: outcome.stopped,
      steps: outcome.steps,
    },
  };
}

/**
 * The edit that accepts a proposal: all of it, or (with `areaIds`) only the moves into or out of those
 * areas, so each chosen area ends exactly as proposed (a grid it gives away goes to its proposed area,
 * which changes only by that grid). Accepting part of a proposal can leave another area in pieces
 * where the proposal had passed grids along a chain; the plan check flags it. One undo step.
 */
export function proposalEdit(proposal: ZoneProposal, areaIds?: readonly string[]): PlanEdit {
  const chosen = areaIds === undefined ? null : new Set(areaIds);
  const grids: Record<string, string> = {};
  for (const m of proposal.moves)
    if (chosen === null || chosen.has(m.from) || chosen.has(m.to)) grids[m.code] = m.to;
  return { kind: 'assignGrids', grids };
}
