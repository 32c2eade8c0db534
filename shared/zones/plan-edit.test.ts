import { describe, expect, it } from 'vitest';
import { zoneMessageText } from './messages';
import type { ZonePlan } from './plan';
import { checkPlan } from './plan-check';
import { comparePlans } from './plan-diff';
import { applyEdit, moveGrids, type EditResult, type PlanEdit } from './plan-edit';
import { canRedo, canUndo, recordEdit, redo, startHistory, undo, type PlanHistory } from './plan-history';
import { latticeGrids, latticePlan } from './test-grids';

// 3 × 2 lattice: area-0 holds the west column and the middle, area-1 the east column.
const grids = latticeGrids(3, 2);
const plan: ZonePlan = {
  ...latticePlan(grids, [0, 0, 1, 0, 0, 1], 2),
  shiftTeams: { night: { 'area-1': 'team-5' } },
};

function ok(result: EditResult): { plan: ZonePlan; inverse: PlanEdit } {
  if (!result.ok) throw new Error(zoneMessageText(result.refusal));
  return result;
}

function refusal(result: EditResult): string {
  return result.ok ? 'accepted' : zoneMessageText(result.refusal);
}

describe('applyEdit', () => {
  it('moves grids to another area, leaves the old plan as it was, and undoes exactly', () => {
    const moved = ok(applyEdit(plan, moveGrids(['g001', 'g004'], 'area-1')));
    expect(moved.plan.gridAreas).toMatchObject({ g001: 'area-1', g004: 'area-1', g000: 'area-0' });
    expect(plan.gridAreas.g001).toBe('area-0');
    expect(ok(applyEdit(moved.plan, moved.inverse)).plan).toEqual(plan);
    // Keys keep their order, so an undone plan serialises as before.
    expect(JSON.stringify(ok(applyEdit(moved.plan, moved.inverse)).plan)).toBe(JSON.stringify(plan));
  });

  it('creates, renames and recolours an area, each undone by its inverse', () => {
    const area = { id: 'area-2', name: '新片区', color: '#aa5500', teamId: null };
    const created = ok(applyEdit(plan, { kind: 'createArea', area, at: 1 }));
    expect(created.plan.areas.map((a) => a.id)).toEqual(['area-0', 'area-2', 'area-1']);
    const renamed = ok(applyEdit(created.plan, { kind: 'renameArea', areaId: 'area-2', name: ' 东片区 ' }));
    expect(renamed.plan.areas[1]?.name).toBe('东片区');
    const recoloured = ok(
      applyEdit(renamed.plan, { kind: 'recolourArea', areaId: 'area-2', color: '#00AA55' }),
    );
    expect(recoloured.plan.areas[1]?.color).toBe('#00AA55');
    let back = ok(applyEdit(recoloured.plan, recoloured.inverse)).plan;
    back = ok(applyEdit(back, renamed.inverse)).plan;
    back = ok(applyEdit(back, created.inverse)).plan;
    expect(back).toEqual(plan);
  });

  it('deletes an area into another and brings it back, with its grids, place and shift teams', () => {
    const deleted = ok(applyEdit(plan, { kind: 'deleteArea', areaId: 'area-1', moveGridsTo: 'area-0' }));
    expect(deleted.plan.areas.map((a) => a.id)).toEqual(['area-0']);
    expect(new Set(Object.values(deleted.plan.gridAreas))).toEqual(new Set(['area-0']));
    expect(deleted.plan.shiftTeams).toEqual({ night: {} });
    const restored = ok(applyEdit(deleted.plan, deleted.inverse)).plan;
    expect(restored.areas).toEqual(plan.areas);
    expect(restored.gridAreas).toEqual(plan.gridAreas);
    expect(restored.shiftTeams).toEqual(plan.shiftTeams);
  });

  it('assigns an area to a team for a shift, or by default, and takes it away again', () => {
    const night = ok(
      applyEdit(plan, { kind: 'assignTeam', areaId: 'area-0', shiftId: 'night', teamId: 'team-7' }),
    );
    expect(night.plan.shiftTeams.night).toEqual({ 'area-1': 'team-5', 'area-0': 'team-7' });
    const cleared = ok(
      applyEdit(night.plan, { kind: 'assignTeam', areaId: 'area-1', shiftId: 'night', teamId: null }),
    );
    expect(cleared.plan.shiftTeams.night).toEqual({ 'area-0': 'team-7' });
    const byDefault = ok(
      applyEdit(plan, { kind: 'assignTeam', areaId: 'area-0', shiftId: null, teamId: 'team-3' }),
    );
    expect(byDefault.plan.areas[0]?.teamId).toBe('team-3');
    expect(ok(applyEdit(byDefault.plan, byDefault.inverse)).plan).toEqual(plan);
    expect(ok(applyEdit(ok(applyEdit(cleared.plan, cleared.inverse)).plan, night.inverse)).plan).toEqual(
      plan,
    );
  });

  it('refuses what would break the plan, and an edit that changes nothing', () => {
    expect(refusal(applyEdit(plan, moveGrids(['g000'], 'area-9')))).toBe('There is no patrol area "area-9"');
    expect(refusal(applyEdit(plan, moveGrids(['g000'], 'area-0')))).toBe('Nothing to change');
    expect(refusal(applyEdit(plan, { kind: 'deleteArea', areaId: 'area-1' }))).toBe(
      'Patrol area 片区1 still has 2 grids: choose where they go',
    );
    expect(refusal(applyEdit(plan, { kind: 'deleteArea', areaId: 'area-1', moveGridsTo: 'area-1' }))).toBe(
      'The grids of 片区1 cannot go to the area being deleted',
    );
    const one = ok(applyEdit(plan, { kind: 'deleteArea', areaId: 'area-1', moveGridsTo: 'area-0' })).plan;
    expect(refusal(applyEdit(one, { kind: 'deleteArea', areaId: 'area-0' }))).toBe(
      'The plan must keep at least one patrol area',
    );
    const area = { id: 'area-0', name: 'x', color: '#000000', teamId: null };
    expect(refusal(applyEdit(plan, { kind: 'createArea', area }))).toBe(
      'Patrol area id "area-0" is already used',
    );
    expect(refusal(applyEdit(plan, { kind: 'createArea', area: { ...area, id: 'n', name: '片区1' } }))).toBe(
      'Patrol area name "片区1" is already used',
    );
    expect(refusal(applyEdit(plan, { kind: 'renameArea', areaId: 'area-0', name: '  ' }))).toBe(
      'A patrol area needs a name',
    );
    expect(refusal(applyEdit(plan, { kind: 'recolourArea', areaId: 'area-0', color: 'blue' }))).toBe(
      '"blue" is not a colour #rrggbb',
    );
  });

  it('applies a batch as one edit, refused whole when one part is refused', () => {
    const edits: PlanEdit[] = [
      { kind: 'createArea', area: { id: 'area-2', name: '南', color: '#123456', teamId: 'team-2' } },
      moveGrids(['g000', 'g001'], 'area-2'),
    ];
    const done = ok(applyEdit(plan, { kind: 'batch', edits }));
    expect(checkPlan(done.plan, grids).areas.map((a) => a.gridCount)).toEqual([2, 2, 2]);
    expect(ok(applyEdit(done.plan, done.inverse)).plan).toEqual(plan);
    expect(
      refusal(applyEdit(plan, { kind: 'batch', edits: [...edits, moveGrids(['g002'], 'nowhere')] })),
    ).toBe('There is no patrol area "nowhere"');
  });
});

describe('undo and redo', () => {
  it('undoes and redoes a session of edits step by step, and a new edit clears what could be redone', () => {
    let history: PlanHistory = startHistory(plan);
    const plans = [plan];
    for (const edit of [
      moveGrids(['g001'], 'area-1'),
      { kind: 'renameArea', areaId: 'area-1', name: '东' } as const,
      moveGrids(['g004', 'g003'], 'area-1'),
    ]) {
      const step = recordEdit(history, edit);
      if (!step.ok) throw new Error(step.refusal.key);
      history = step.history;
      plans.push(history.plan);
    }
    expect(canRedo(history)).toBe(false);
    for (let k = plans.length - 2; k >= 0; k--) {
      history = undo(history);
      expect(history.plan).toEqual(plans[k]);
    }
    expect(canUndo(history)).toBe(false);
    expect(undo(history)).toBe(history);
    history = redo(redo(history));
    expect(history.plan).toEqual(plans[2]);
    const branch = recordEdit(history, moveGrids(['g000'], 'area-1'));
    expect(branch.ok && canRedo(branch.history)).toBe(false);
  });

  it('keeps only the newest steps past the limit, and leaves the history as it was on a refusal', () => {
    let history = startHistory(plan);
    for (const code of ['g000', 'g001', 'g003']) {
      const step = recordEdit(history, moveGrids([code], 'area-1'), 2);
      if (step.ok) history = step.history;
    }
    expect(history.done).toHaveLength(2);
    const refused = recordEdit(history, moveGrids(['g000'], 'area-1'));
    expect(refused.ok).toBe(false);
    expect(undo(undo(undo(history))).plan.gridAreas.g000).toBe('area-1');
  });
});

describe('comparePlans', () => {
  it('lists the grids moved, the areas added, removed, renamed and recoloured, and who covers what', () => {
    let b = ok(applyEdit(plan, moveGrids(['g001'], 'area-1'))).plan;
    b = ok(applyEdit(b, { kind: 'renameArea', areaId: 'area-0', name: '西' })).plan;
    b = ok(applyEdit(b, { kind: 'recolourArea', areaId: 'area-1', color: '#ffffff' })).plan;
    b = ok(
      applyEdit(b, {
        kind: 'createArea',
        area: { id: 'area-2', name: '北', color: '#000000', teamId: 'team-2' },
      }),
    ).plan;
    b = ok(applyEdit(b, moveGrids(['g003'], 'area-2'))).plan;
    b = ok(applyEdit(b, { kind: 'assignTeam', areaId: 'area-1', shiftId: 'night', teamId: null })).plan;
    const diff = comparePlans(plan, b);
    expect(diff.same).toBe(false);
    expect(diff.grids).toEqual([
      { code: 'g001', from: 'area-0', to: 'area-1' },
      { code: 'g003', from: 'area-0', to: 'area-2' },
    ]);
    expect(diff.added.map((a) => a.id)).toEqual(['area-2']);
    expect(diff.removed).toEqual([]);
    expect(diff.renamed).toEqual([{ areaId: 'area-0', from: '片区0', to: '西' }]);
    expect(diff.recoloured).toEqual([{ areaId: 'area-1', from: '#336699', to: '#ffffff' }]);
    expect(diff.teams).toEqual([
      { areaId: 'area-1', shiftId: 'night', from: 'team-5', to: 'team-1' },
      { areaId: 'area-2', shiftId: null, from: null, to: 'team-2' },
      { areaId: 'area-2', shiftId: 'night', from: null, to: 'team-2' },
    ]);
    expect(diff.areas).toEqual([
      { areaId: 'area-0', gridsBefore: 4, gridsAfter: 2, gained: 0, lost: 2 },
      { areaId: 'area-1', gridsBefore: 2, gridsAfter: 3, gained: 1, lost: 0 },
      { areaId: 'area-2', gridsBefore: 0, gridsAfter: 1, gained: 1, lost: 0 },
    ]);
    expect(comparePlans(plan, { ...plan, id: 'other', name: '另一个' }).same).toBe(true);
  });
});
