import type { ZoneArea, ZonePlan } from './plan';

/** One grid whose area differs between two plans (null: in no area in that plan). */
export interface GridChange {
  readonly code: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** Who covers an area (in a shift, or by default when `shiftId` is null), where two plans differ. */
export interface TeamChange {
  readonly areaId: string;
  readonly shiftId: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

/** One area's grids in both plans: counts, and how many it gained and lost. */
export interface AreaChange {
  readonly areaId: string;
  readonly gridsBefore: number;
  readonly gridsAfter: number;
  readonly gained: number;
  readonly lost: number;
}

export interface PlanDiff {
  /** Nothing differs in areas, grids or teams (plan ids and names aside). */
  readonly same: boolean;
  /** By grid code. */
  readonly grids: readonly GridChange[];
  /** Areas only in the second plan / only in the first, in their plan's order. */
  readonly added: readonly ZoneArea[];
  readonly removed: readonly ZoneArea[];
  readonly renamed: readonly { readonly areaId: string; readonly from: string; readonly to: string }[];
  readonly recoloured: readonly { readonly areaId: string; readonly from: string; readonly to: string }[];
  readonly teams: readonly TeamChange[];
  /** Every area of either plan (first plan's order, then the added ones), with its grid counts. */
  readonly areas: readonly AreaChange[];
}

/**
 * What changes from plan `a` to plan `b`, for the side-by-side comparison on the map and in a table.
 * Areas are matched by id (a renamed area is the same area). Team assignments compare what each plan
 * says for each area and shift, the default team included; an assignment equal to the area's default
 * team counts as that team, so moving a team from the shift list to the default is no change.
 */
export function comparePlans(a: ZonePlan, b: ZonePlan): PlanDiff {
  const codes = [...new Set([...Object.keys(a.gridAreas), ...Object.keys(b.gridAreas)])].sort();
  const grids: GridChange[] = [];
  for (const code of codes) {
    const from = a.gridAreas[code] ?? null;
    const to = b.gridAreas[code] ?? null;
    if (from !== to) grids.push({ code, from, to });
  }
  const inA = new Map(a.areas.map((x) => [x.id, x]));
  const inB = new Map(b.areas.map((x) => [x.id, x]));
  const added = b.areas.filter((x) => !inA.has(x.id));
  const removed = a.areas.filter((x) => !inB.has(x.id));
  const renamed: PlanDiff['renamed'][number][] = [];
  const recoloured: PlanDiff['recoloured'][number][] = [];
  for (const x of a.areas) {
    const y = inB.get(x.id);
    if (y === undefined) continue;
    if (x.name !== y.name) renamed.push({ areaId: x.id, from: x.name, to: y.name });
    if (x.color.toLowerCase() !== y.color.toLowerCase())
      recoloured.push({ areaId: x.id, from: x.color, to: y.color });
  }
  const areaIds = [...a.areas.map((x) => x.id), ...added.map((x) => x.id)];
  const shifts = [...new Set([...Object.keys(a.shiftTeams), ...Object.keys(b.shiftTeams)])].sort();
  const team = (plan: ZonePlan, areaId: string, shiftId: string | null): string | null => {
    const base = plan.areas.find((x) => x.id === areaId)?.teamId ?? null;
    return shiftId === null ? base : (plan.shiftTeams[shiftId]?.[areaId] ?? base);
  };
  const teams: TeamChange[] = [];
  for (const areaId of areaIds) {
    for (const shiftId of [null, ...shifts]) {
      const from = team(a, areaId, shiftId);
      const to = team(b, areaId, shiftId);
      if (from !== to) teams.push({ areaId, shiftId, from, to });
    }
  }
  const counts = (plan: ZonePlan): Map<string, number> => {
    const out = new Map<string, number>();
    for (const areaId of Object.values(plan.gridAreas)) out.set(areaId, (out.get(areaId) ?? 0) + 1);
    return out;
  };
  const before = counts(a);
  const after = counts(b);
  const gained = new Map<string, number>();
  const lost = new Map<string, number>();
  for (const change of grids) {
    if (change.to !== null) gained.set(change.to, (gained.get(change.to) ?? 0) + 1);
    if (change.from !== null) lost.set(change.from, (lost.get(change.from) ?? 0) + 1);
  }
  const areas = areaIds.map((areaId) => ({
    areaId,
    gridsBefore: before.get(areaId) ?? 0,
    gridsAfter: after.get(areaId) ?? 0,
    gained: gained.get(areaId) ?? 0,
    lost: lost.get(areaId) ?? 0,
  }));
  const orderChanged = a.areas.length === b.areas.length && a.areas.some((x, i) => b.areas[i]?.id !== x.id);
  return {
    same:
      grids.length === 0 &&
      added.length === 0 &&
      removed.length === 0 &&
      renamed.length === 0 &&
      recoloured.length === 0 &&
      teams.length === 0 &&
      !orderChanged,
    grids,
    added,
    removed,
    renamed,
    recoloured,
    teams,
    areas,
  };
}
