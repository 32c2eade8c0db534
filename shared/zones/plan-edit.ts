import type { ZoneRefusal } from './messages';
import { COLOUR_PATTERN, type ZoneArea, type ZonePlan } from './plan';

/**
 * Edits of a zone plan as data, applied by a pure function that returns the new plan and the edit
 * that undoes it (plan-history.ts keeps both for undo and redo). Buttons, the map's selection tools and
 * an accepted proposal all produce these.
 */
export type PlanEdit =
  /** Grid code → area id (null: out of every area). The map's "move the selection to …". */
  | { readonly kind: 'assignGrids'; readonly grids: Readonly<Record<string, string | null>> }
  /** A new area, empty, at display position `at` (default last). */
  | { readonly kind: 'createArea'; readonly area: ZoneArea; readonly at?: number }
  | { readonly kind: 'renameArea'; readonly areaId: string; readonly name: string }
  | { readonly kind: 'recolourArea'; readonly areaId: string; readonly color: string }
  /** Deletes an area; its grids go to `moveGridsTo` (required when it has any). */
  | { readonly kind: 'deleteArea'; readonly areaId: string; readonly moveGridsTo?: string }
  /** Who covers an area: in shift `shiftId`, or by default (null); team null removes the assignment. */
  | {
      readonly kind: 'assignTeam';
      readonly areaId: string;
      readonly shiftId: string | null;
      readonly teamId: string | null;
    }
  /** Several edits as one step (one undo): applied in order, refused whole if one is refused. */
  | { readonly kind: 'batch'; readonly edits: readonly PlanEdit[] };

export type EditResult =
  | { readonly ok: true; readonly plan: ZonePlan; readonly inverse: PlanEdit }
  | { readonly ok: false; readonly refusal: ZoneRefusal };

/** The edit moving the grids `codes` to area `areaId`. */
export function moveGrids(codes: Iterable<string>, areaId: string): PlanEdit {
  const grids: Record<string, string> = {};
  for (const code of codes) grids[code] = areaId;
  return { kind: 'assignGrids', grids };
}

const refuse = (key: ZoneRefusal['key'], params: ZoneRefusal['params'] = {}): EditResult => ({
  ok: false,
  refusal: { key, params },
});

function findArea(plan: ZonePlan, areaId: string): ZoneArea | undefined {
  return plan.areas.find((a) => a.id === areaId);
}

function withArea(plan: ZonePlan, areaId: string, change: Partial<ZoneArea>): ZonePlan {
  return { ...plan, areas: plan.areas.map((a) => (a.id === areaId ? { ...a, ...change } : a)) };
}

function assignGrids(plan: ZonePlan, grids: Readonly<Record<string, string | null>>): EditResult {
  const before: Record<string, string | null> = {};
  const changes = new Map<string, string | null>();
  for (const [code, target] of Object.entries(grids)) {
    const to = target ?? null;
    if (to !== null && findArea(plan, to) === undefined)
      return refuse('zones.edit.unknownArea', { area: to });
    const from = plan.gridAreas[code] ?? null;
    if (from === to) continue;
    before[code] = from;
    changes.set(code, to);
  }
  if (changes.size === 0) return refuse('zones.edit.nothing');
  // Codes keep their order (a saved plan serialises alike after an undo); new ones go last.
  const next: Record<string, string> = {};
  for (const [code, areaId] of Object.entries(plan.gridAreas)) {
    const to = changes.has(code) ? changes.get(code) : areaId;
    if (to !== null && to !== undefined) next[code] = to;
  }
  for (const [code, to] of changes) if (to !== null && !Object.hasOwn(next, code)) next[code] = to;
  return { ok: true, plan: { ...plan, gridAreas: next }, inverse: { kind: 'assignGrids', grids: before } };
}

function nameRefusal(plan: ZonePlan, name: string, except: string | null): EditResult | null {
  if (name.trim() === '') return refuse('zones.edit.nameEmpty');
  if (plan.areas.some((a) => a.id !== except && a.name.trim() === name.trim()))
    return refuse('zones.edit.nameTaken', { name: name.trim() });
  return null;
}

function createArea(plan: ZonePlan, area: ZoneArea, at: number | undefined): EditResult {
  if (area.id.trim() === '' || findArea(plan, area.id) !== undefined)
    return refuse('zones.edit.areaIdTaken', { area: area.id });
  const bad = nameRefusal(plan, area.name, null);
  if (bad !== null) return bad;
  if (!COLOUR_PATTERN.test(area.color)) return refuse('zones.edit.colour', { value: area.color });
  const areas = [...plan.areas];
  const index = at === undefined ? areas.length : Math.max(0, Math.min(areas.length, Math.trunc(at)));
  areas.splice(index, 0, { ...area, name: area.name.trim() });
  return { ok: true, plan: { ...plan, areas }, inverse: { kind: 'deleteArea', areaId: area.id } };
}

function deleteArea(plan: ZonePlan, areaId: string, moveGridsTo: string | undefined): EditResult {
  const index = plan.areas.findIndex((a) => a.id === areaId);
  const area = plan.areas[index];
  if (area === undefined) return refuse('zones.edit.unknownArea', { area: areaId });
  if (plan.areas.length === 1) return refuse('zones.edit.lastArea');
  const codes = Object.keys(plan.gridAreas).filter((code) => plan.gridAreas[code] === areaId);
  if (codes.length > 0 && moveGridsTo === undefined)
    return refuse('zones.edit.areaNotEmpty', { name: area.name, grids: codes.length });
  if (moveGridsTo === areaId) return refuse('zones.edit.sameArea', { name: area.name });
  if (moveGridsTo !== undefined && findArea(plan, moveGridsTo) === undefined)
    return refuse('zones.edit.unknownArea', { area: moveGridsTo });
  const gridAreas: Record<string, string> = { ...plan.gridAreas };
  if (moveGridsTo !== undefined) for (const code of codes) gridAreas[code] = moveGridsTo;
  const shiftTeams: Record<string, Record<string, string>> = {};
  const restore: PlanEdit[] = [];
  for (const [shiftId, teams] of Object.entries(plan.shiftTeams)) {
    const { [areaId]: teamId, ...rest } = teams;
    shiftTeams[shiftId] = rest;
    if (teamId !== undefined) restore.push({ kind: 'assignTeam', areaId, shiftId, teamId });
  }
  const back: Record<string, string> = {};
  for (const code of codes) back[code] = areaId;
  const inverse: PlanEdit = {
    kind: 'batch',
    edits: [
      { kind: 'createArea', area, at: index },
      ...(codes.length > 0 ? [{ kind: 'assignGrids', grids: back } as const] : []),
      ...restore,
    ],
  };
  return {
    ok: true,
    plan: { ...plan, areas: plan.areas.filter((a) => a.id !== areaId), gridAreas, shiftTeams },
    inverse,
  };
}

function assignTeam(
  plan: ZonePlan,
  areaId: string,
  shiftId: string | null,
  teamId: string | null,
): EditResult {
  const area = findArea(plan, areaId);
  if (area === undefined) return refuse('zones.edit.unknownArea', { area: areaId });
  if (shiftId === null) {
    if (area.teamId === teamId) return refuse('zones.edit.nothing');
    return {
      ok: true,
      plan: withArea(plan, areaId, { teamId }),
      inverse: { kind: 'assignTeam', areaId, shiftId: null, teamId: area.teamId },
    };
  }
  const teams = plan.shiftTeams[shiftId] ?? {};
  const before = teams[areaId] ?? null;
  if (before === teamId) return refuse('zones.edit.nothing');
  const { [areaId]: _dropped, ...rest } = teams;
  const nextTeams: Record<string, string> = teamId === null ? rest : { ...rest, [areaId]: teamId };
  return {
    ok: true,
    plan: { ...plan, shiftTeams: { ...plan.shiftTeams, [shiftId]: nextTeams } },
    inverse: { kind: 'assignTeam', areaId, shiftId, teamId: before },
  };
}

function batch(plan: ZonePlan, edits: readonly PlanEdit[]): EditResult {
  let current = plan;
  const inverses: PlanEdit[] = [];
  for (const edit of edits) {
    const result = applyEdit(current, edit);
    if (!result.ok) {
      if (result.refusal.key === 'zones.edit.nothing') continue;
      return result;
    }
    current = result.plan;
    inverses.unshift(result.inverse);
  }
  if (inverses.length === 0) return refuse('zones.edit.nothing');
  return { ok: true, plan: current, inverse: { kind: 'batch', edits: inverses } };
}

/**
 * Applies `edit` to `plan`, returning the new plan (the old one is untouched) and the edit that undoes
 * it, or a refusal with a message key: an unknown area; an area id taken or empty; an empty or taken
 * name; a colour that is not "#rrggbb"; deleting the last area, or an area with grids and nowhere to
 * put them (or into itself); and `zones.edit.nothing` when the edit would change nothing (moving grids
 * to the area they are in), so no empty step enters the undo history. Edits inside a batch that change
 * nothing are skipped. Team ids are not checked here (the plan does not know the teams): checkPlan
 * reports unknown ones.
 */
export function applyEdit(plan: ZonePlan, edit: PlanEdit): EditResult {
  switch (edit.kind) {
    case 'assignGrids':
      return assignGrids(plan, edit.grids);
    case 'createArea':
      return createArea(plan, edit.area, edit.at);
    case 'renameArea': {
      const area = findArea(plan, edit.areaId);
      if (area === undefined) return refuse('zones.edit.unknownArea', { area: edit.areaId });
      const bad = nameRefusal(plan, edit.name, edit.areaId);
      if (bad !== null) return bad;
      if (area.name === edit.name.trim()) return refuse('zones.edit.nothing');
      return {
        ok: true,
        plan: withArea(plan, edit.areaId, { name: edit.name.trim() }),
        inverse: { kind: 'renameArea', areaId: edit.areaId, name: area.name },
      };
    }
    case 'recolourArea': {
      const area = findArea(plan, edit.areaId);
      if (area === undefined) return refuse('zones.edit.unknownArea', { area: edit.areaId });
      if (!COLOUR_PATTERN.test(edit.color)) return refuse('zones.edit.colour', { value: edit.color });
      if (area.color.toLowerCase() === edit.color.toLowerCase()) return refuse('zones.edit.nothing');
      return {
        ok: true,
        plan: withArea(plan, edit.areaId, { color: edit.color }),
        inverse: { kind: 'recolourArea', areaId: edit.areaId, color: area.color },
      };
    }
    case 'deleteArea':
      return deleteArea(plan, edit.areaId, edit.moveGridsTo);
    case 'assignTeam':
      return assignTeam(plan, edit.areaId, edit.shiftId, edit.teamId);
    case 'batch':
      return batch(plan, edit.edits);
  }
}
