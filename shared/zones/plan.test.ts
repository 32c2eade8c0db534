import { describe, expect, it } from 'vitest';
import { readSampleTownship } from '../spatial/test-shapes';
import { zoneIssueLine } from './messages';
import {
  areaTeam,
  gridTeamAt,
  indexPlan,
  nextAreaId,
  planFromOrganisation,
  zoneGrids,
  type ZonePlan,
} from './plan';
import { checkPlan } from './plan-check';
import type { ShiftSlot } from './shifts';
import { latticeGrids, latticePlan } from './test-grids';

const slot = (shiftId: string, startAt: number): ShiftSlot => ({
  shiftId,
  date: '2026-11-02',
  startAt,
  endAt: startAt + 8 * 3_600_000,
});

describe('the plan a township has today', () => {
  it('puts every grid of the sample township in its patrol area, each area in one piece, with the team that owns it', async () => {
    const town = await readSampleTownship();
    const grids = zoneGrids(town.grids);
    const plan = planFromOrganisation(town, { id: 'current', name: '现行方案' });
    const report = checkPlan(plan, grids, {
      teamIds: new Set(town.teams.map((t) => t.id)),
      shiftIds: ['early', 'middle', 'night'],
    });
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.areas.map((a) => a.pieces)).toEqual(town.patrolAreas.map(() => 1));
    expect(report.areas.reduce((s, a) => s + a.gridCount, 0)).toBe(town.grids.length);
    const m2 = report.areas.reduce((s, a) => s + a.areaM2, 0);
    expect(m2 / town.township.areaM2).toBeCloseTo(1, 3);
    const first = town.grids[0]!;
    const team = town.patrolAreas.find((a) => a.id === first.patrolAreaId)?.teamId;
    expect(gridTeamAt(plan, first.code, [])).toBe(team);
  });
});

describe('teams by shift', () => {
  const plan: ZonePlan = {
    ...latticePlan(latticeGrids(2, 1), [0, 1], 2),
    shiftTeams: { night: { 'area-0': 'team-9' } },
  };

  it('gives an area its shift’s team where the plan names one, else the area’s own', () => {
    expect(areaTeam(plan, 'area-0', 'night')).toBe('team-9');
    expect(areaTeam(plan, 'area-0', 'early')).toBe('team-0');
    expect(areaTeam(plan, 'area-0', null)).toBe('team-0');
    expect(areaTeam(plan, 'area-7', null)).toBeNull();
  });

  it('lets the incoming shift take a grid over during a handover', () => {
    const early = slot('early', 0);
    const night = slot('night', 7 * 3_600_000);
    expect(gridTeamAt(plan, 'g000', [early, night])).toBe('team-9');
    expect(gridTeamAt(plan, 'g000', [early])).toBe('team-0');
    expect(gridTeamAt(plan, 'g999', [early])).toBeNull();
  });

  it('indexes a plan over its grid set and names the next free area id', () => {
    const grids = latticeGrids(3, 1);
    const p = latticePlan(grids, [0, 1, 1], 2);
    const { areaIds, areaOf } = indexPlan({ ...p, gridAreas: { ...p.gridAreas, g002: 'gone' } }, grids);
    expect(areaIds).toEqual(['area-0', 'area-1']);
    expect([...areaOf]).toEqual([0, 1, -1]);
    expect(nextAreaId(p)).toBe('area-2');
    expect(nextAreaId({ ...p, areas: [{ ...p.areas[0]!, id: 'area-2' }] })).toBe('area-1');
  });
});

describe('checkPlan', () => {
  // 4 × 4 lattice, rows from the south: area 0 the west half, area 1 the east half.
  const grids = latticeGrids(4, 4);
  const halves = [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1];

  it('reports each grid out of every area, a code that is no grid, and an area the plan lacks', () => {
    const base = latticePlan(grids, halves, 2);
    const { g000: _gone, ...rest } = base.gridAreas;
    const plan = { ...base, gridAreas: { ...rest, g001: 'area-7', x999: 'area-0' } };
    const report = checkPlan(plan, grids);
    expect(report.ok).toBe(false);
    expect(report.issues.map(zoneIssueLine)).toEqual([
      'plan.grids.g001: Grid g001 names patrol area "area-7", which the plan does not have',
      'plan.grids.x999: Grid x999 is not a grid of the township',
      'plan.grids.g000: Grid g000 is in no patrol area',
    ]);
    expect(report.uncovered).toEqual(['g000', 'g001']);
  });

  it('flags an area split in two, naming the grids of the smaller piece, and an empty area', () => {
    const split = [0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1];
    const plan = latticePlan(grids, split, 3);
    const report = checkPlan(plan, grids);
    expect(report.ok).toBe(true);
    expect(report.issues.map((i) => [i.key, i.severity])).toEqual([
      ['zones.plan.split', 'warning'],
      ['zones.plan.emptyArea', 'warning'],
    ]);
    expect(report.areas[0]).toMatchObject({ pieces: 2, gridCount: 6, enclaves: [['g012', 'g013']] });
    expect(report.areas[2]).toMatchObject({ pieces: 0, gridCount: 0, enclaves: [] });
  });

  it('adds up each area’s size, roads and load, and gives the imbalance, by capacity when given', () => {
    const load = halves.map((a, g) => (a === 0 ? 3 : 1) + (g === 0 ? 2 : 0));
    const plan = latticePlan(grids, halves, 2);
    const report = checkPlan(plan, grids, { load });
    expect(report.areas.map((a) => a.load)).toEqual([26, 8]);
    // Mean 17: the west half carries 26 / 17 − 1.
    expect(report.imbalance).toBeCloseTo(26 / 17 - 1, 12);
    const weighted = checkPlan(plan, grids, { load, capacity: { 'area-0': 3, 'area-1': 1 } });
    expect(weighted.imbalance).toBeCloseTo(26 / 3 / (34 / 4) - 1, 12);
    const m2 = grids.areaM2.reduce((s, x) => s + x, 0);
    expect(report.areas[0]!.areaM2 + report.areas[1]!.areaM2).toBeCloseTo(m2, 6);
  });

  it('checks areas’ ids, names, colours and teams, per shift', () => {
    const base = latticePlan(grids, halves, 2);
    const plan: ZonePlan = {
      ...base,
      areas: [
        { ...base.areas[0]!, color: 'red', teamId: 'team-x' },
        { ...base.areas[1]!, name: base.areas[0]!.name, teamId: null },
      ],
      shiftTeams: { night: { 'area-0': 'team-1', 'area-1': 'team-1' } },
    };
    const report = checkPlan(plan, grids, {
      teamIds: new Set(['team-0', 'team-1']),
      shiftIds: ['early', 'night'],
    });
    expect(report.issues.map((i) => [i.key, i.severity, i.row])).toEqual([
      ['zones.plan.colour', 'error', 1],
      ['zones.plan.areaName', 'error', 2],
      ['zones.plan.unknownTeam', 'error', 1],
      ['zones.plan.noTeam', 'warning', 2],
      ['zones.plan.teamTwice', 'warning', 2],
    ]);
    expect(zoneIssueLine(report.issues[4]!)).toBe(
      'plan.areas[2].teamId: Team team-1 covers both 片区0 and 片区0 in shift night',
    );
  });
});
