import type { AreaGeometry } from '../model/geo';
import type { Grid, PatrolArea } from '../model/organisation';
import { buildGridAdjacency, type GridAdjacency } from '../spatial/grid-adjacency';
import type { ShiftSlot } from './shifts';

/**
 * Zone plans (片区划分方案): which patrol area each grid belongs to and which team covers each area
 * in each shift. A plan is plain immutable data (saved as a named draft, compared, activated for a
 * shift); every edit returns a new plan (plan-edit.ts). "局管全面、队管片区、员管网格".
 */

export interface ZoneArea {
  readonly id: string;
  readonly name: string;
  /** Display colour "#rrggbb". */
  readonly color: string;
  /** The team covering the area in every shift without its own assignment; null: none yet. */
  readonly teamId: string | null;
}

export interface ZonePlan {
  readonly id: string;
  /** What the leader calls it, e.g. "2026 年 11 月方案（草稿）". */
  readonly name: string;
  /** Areas in display order. */
  readonly areas: readonly ZoneArea[];
  /** Grid code → area id: each grid of the township once. */
  readonly gridAreas: Readonly<Record<string, string>>;
  /** Shift id → (area id → team id): who covers an area in that shift, over the area's `teamId`. */
  readonly shiftTeams: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * The plan a township has today, from its dataset: its patrol areas (each with its team) and each
 * grid's area. No shift-specific assignments.
 */
export function planFromOrganisation(
  org: {
    readonly grids: readonly Pick<Grid, 'code' | 'patrolAreaId'>[];
    readonly patrolAreas: readonly PatrolArea[];
  },
  meta: { readonly id: string; readonly name: string },
): ZonePlan {
  const gridAreas: Record<string, string> = {};
  for (const grid of org.grids) gridAreas[grid.code] = grid.patrolAreaId;
  return {
    id: meta.id,
    name: meta.name,
    areas: org.patrolAreas.map((a) => ({ id: a.id, name: a.name, color: a.color, teamId: a.teamId })),
    gridAreas,
    shiftTeams: {},
  };
}

/**
 * The team covering area `areaId` in shift `shiftId` (null: no particular shift): the shift's own
 * assignment, else the area's team; null when neither names one (or there is no such area).
 */
export function areaTeam(plan: ZonePlan, areaId: string, shiftId: string | null): string | null {
  if (shiftId !== null) {
    const own = plan.shiftTeams[shiftId]?.[areaId];
    if (own !== undefined) return own;
  }
  return plan.areas.find((a) => a.id === areaId)?.teamId ?? null;
}

/**
 * Of the shifts running at an instant (activeShiftSlots' answer), the one whose team assignments
 * apply: the latest started, so that at a handover the incoming shift takes over. Null when none runs.
 */
export function decidingSlot(slots: readonly ShiftSlot[]): ShiftSlot | null {
  let latest: ShiftSlot | null = null;
  for (const slot of slots) if (latest === null || slot.startAt > latest.startAt) latest = slot;
  return latest;
}

/**
 * The team responsible for grid `code` while the shifts `slots` run: the {@link decidingSlot}'s
 * assignment; with no shift running, the area's own team. Null when the grid is in no area or its area
 * has no team.
 */
export function gridTeamAt(plan: ZonePlan, code: string, slots: readonly ShiftSlot[]): string | null {
  const areaId = plan.gridAreas[code];
  if (areaId === undefined) return null;
  return areaTeam(plan, areaId, decidingSlot(slots)?.shiftId ?? null);
}

/**
 * The grid set a plan is laid on, with what the checks and the proposal read per grid, indexed like
 * `codes`. Built once per grid set ({@link zoneGrids}): the adjacency is the costly part.
 */
export interface ZoneGrids {
  readonly codes: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Grid area, m². */
  readonly areaM2: Float64Array;
  /** Road length inside each grid, metres (road-length.ts); zeros without roads. */
  readonly roadLengthM: Float64Array;
  readonly adjacency: GridAdjacency;
}

/**
 * The {@link ZoneGrids} of a grid set: codes, areas, road lengths (`roadLengthM` indexed like `grids`,
 * default none) and the grid adjacency (built here unless given, e.g. from a worker's cache).
 */
export function zoneGrids(
  grids: readonly { readonly code: string; readonly geometry: AreaGeometry; readonly areaM2: number }[],
  extra: { readonly roadLengthM?: ArrayLike<number>; readonly adjacency?: GridAdjacency } = {},
): ZoneGrids {
  const codes = grids.map((g) => g.code);
  const adjacency = extra.adjacency ?? buildGridAdjacency(grids.map((g) => g.geometry));
  if (adjacency.size !== grids.length)
    throw new RangeError(`the adjacency has ${adjacency.size} grids, the grid set ${grids.length}`);
  const roads = extra.roadLengthM;
  if (roads !== undefined && roads.length !== grids.length)
    throw new RangeError(`roadLengthM has ${roads.length} values for ${grids.length} grids`);
  return {
    codes,
    indexOf: new Map(codes.map((code, i) => [code, i])),
    areaM2: Float64Array.from(grids, (g) => g.areaM2),
    roadLengthM: roads === undefined ? new Float64Array(grids.length) : Float64Array.from(roads),
    adjacency,
  };
}

/** A plan over a grid set as indices: area index per grid (-1: no area, or an area the plan lacks). */
export interface PlanIndex {
  readonly areaIds: readonly string[];
  readonly areaOf: Int32Array;
}

export function indexPlan(plan: ZonePlan, grids: ZoneGrids): PlanIndex {
  const areaIds = plan.areas.map((a) => a.id);
  const slot = new Map(areaIds.map((id, i) => [id, i]));
  const areaOf = new Int32Array(grids.codes.length).fill(-1);
  grids.codes.forEach((code, g) => {
    const id = plan.gridAreas[code];
    if (id !== undefined) areaOf[g] = slot.get(id) ?? -1;
  });
  return { areaIds, areaOf };
}

/** The id `area-N` with the smallest N ≥ 1 no area of the plan uses, for a new area. */
export function nextAreaId(plan: ZonePlan): string {
  const used = new Set(plan.areas.map((a) => a.id));
  let n = 1;
  while (used.has(`area-${n}`)) n++;
  return `area-${n}`;
}

export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
