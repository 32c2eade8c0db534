import { describe, expect, it } from 'vitest';
import type { Case } from '../model/case';
import { SAMPLE_ANCHOR_MS } from '../sample/township';
import { GridLocator } from '../spatial/grid-locator';
import { readSampleTownship } from '../spatial/test-shapes';
import { zoneMessageText } from './messages';
import { planFromOrganisation, zoneGrids, type ZonePlan } from './plan';
import { checkPlan } from './plan-check';
import { applyEdit } from './plan-edit';
import { proposalEdit, proposeBalancedPlan } from './proposal';
import { gridRoadLengths } from './road-length';
import { DEFAULT_SHIFT_PATTERNS } from './shifts';
import { latticeGrids, latticePlan } from './test-grids';
import { gridWorkloads } from './workload';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;

/** The committed sample's cases (cases.json), read as text like readSampleTownship reads the township. */
async function readSampleCases(): Promise<readonly Case[]> {
  const path = '../../resources/sample/cases.json?raw';
  const mod = (await import(/* @vite-ignore */ path)) as { default: string };
  return JSON.parse(mod.default) as Case[];
}

async function sample() {
  const town = await readSampleTownship();
  const cases = await readSampleCases();
  const locator = new GridLocator(town.grids);
  const grids = zoneGrids(town.grids, { roadLengthM: gridRoadLengths(locator, town.basemap.roads) });
  const plan = planFromOrganisation(town, { id: 'current', name: '现行方案' });
  // The early shift's expected load over the sample's last 180 days, law-enforcement matters weighing double.
  const weights = Object.fromEntries(town.matters.filter((m) => m.needsCertified).map((m) => [m.code, 2]));
  const workload = gridWorkloads({
    grids,
    cases,
    from: SAMPLE_ANCHOR_MS - 180 * DAY,
    to: SAMPLE_ANCHOR_MS,
    shift: DEFAULT_SHIFT_PATTERNS[0]!,
    zone: ZONE,
    matterWeights: weights,
  });
  expect(workload.counted).toBeGreaterThan(500);
  return { town, grids, plan, load: workload.load };
}

describe('proposeBalancedPlan on the sample township', () => {
  it('evens the early shift’s expected load over the three patrol areas, every area still in one piece', async () => {
    const { town, grids, plan, load } = await sample();
    const before = checkPlan(plan, grids, { load });
    expect(before.areas.reduce((s, a) => s + a.roadLengthM, 0)).toBeGreaterThan(10_000);
    const result = proposeBalancedPlan({ plan, grids, load, options: { balance: 1, seed: 7 } });
    if (!result.ok) throw new Error(zoneMessageText(result.refusal));
    const proposal = result.proposal;
    expect(proposal.imbalanceBefore).toBeCloseTo(before.imbalance, 12);
    expect(proposal.imbalanceAfter).toBeLessThan(proposal.imbalanceBefore);
    expect(proposal.moves.length).toBeGreaterThan(0);
    expect(proposal.moves.length).toBeLessThan(town.grids.length / 2);
    const accepted = applyEdit(plan, proposalEdit(proposal));
    if (!accepted.ok) throw new Error(accepted.refusal.key);
    const after = checkPlan(accepted.plan, grids, { load });
    expect(after.issues).toEqual([]);
    expect(after.imbalance).toBeCloseTo(proposal.imbalanceAfter, 12);
    expect(after.areas.map((a) => a.gridCount)).toEqual(proposal.areas.map((a) => a.gridsAfter));
    expect(after.areas.map((a) => a.load)).toEqual(proposal.areas.map((a) => expect.closeTo(a.loadAfter, 9)));
    for (const area of proposal.areas)
      expect(area.gridsAfter - area.gridsBefore).toBe(area.gained - area.lost);
  });

  it('accepts one area of a proposal: that area ends exactly as proposed', async () => {
    const { grids, plan, load } = await sample();
    const result = proposeBalancedPlan({ plan, grids, load, options: { balance: 1, seed: 7 } });
    if (!result.ok) throw new Error(result.refusal.key);
    const chosen = result.proposal.areas.find((a) => a.gained + a.lost > 0)!.areaId;
    const all = applyEdit(plan, proposalEdit(result.proposal));
    const one = applyEdit(plan, proposalEdit(result.proposal, [chosen]));
    if (!all.ok || !one.ok) throw new Error('refused');
    const gridsOf = (p: ZonePlan): string[] =>
      Object.keys(p.gridAreas)
        .filter((code) => p.gridAreas[code] === chosen)
        .sort();
    expect(gridsOf(one.plan)).toEqual(gridsOf(all.plan));
  });

  it('keeps pinned grids in their area', async () => {
    const { grids, plan, load } = await sample();
    const free = proposeBalancedPlan({ plan, grids, load, options: { balance: 1 } });
    if (!free.ok) throw new Error(free.refusal.key);
    const pinned = new Set(free.proposal.moves.map((m) => m.code));
    const held = proposeBalancedPlan({ plan, grids, load, fixed: pinned, options: { balance: 1 } });
    if (!held.ok) throw new Error(held.refusal.key);
    for (const m of held.proposal.moves) expect(pinned.has(m.code)).toBe(false);
  });
});

describe('proposeBalancedPlan refusals', () => {
  const grids = latticeGrids(2, 2);
  const plan = latticePlan(grids, [0, 0, 1, 1], 2);

  it('refuses a plan that leaves a grid out, or names a grid the township lacks', () => {
    const gap = applyEdit(plan, { kind: 'assignGrids', grids: { g000: null } });
    if (!gap.ok) throw new Error(gap.refusal.key);
    const refused = proposeBalancedPlan({ plan: gap.plan, grids, load: [1, 1, 1, 1] });
    expect(refused.ok ? 'ok' : zoneMessageText(refused.refusal)).toBe(
      'The plan does not cover every grid exactly once: fix its coverage first',
    );
    const extra = { ...plan, gridAreas: { ...plan.gridAreas, x: 'area-0' } };
    expect(proposeBalancedPlan({ plan: extra, grids, load: [1, 1, 1, 1] }).ok).toBe(false);
  });

  it('refuses when there is no load to balance', () => {
    const refused = proposeBalancedPlan({ plan, grids, load: [0, 0, 0, 0] });
    expect(refused.ok ? 'ok' : refused.refusal.key).toBe('zones.proposal.noLoad');
  });

  it('proposes nothing for a plan already even', () => {
    const even = proposeBalancedPlan({ plan, grids, load: [1, 1, 1, 1] });
    expect(even.ok && even.proposal.moves).toEqual([]);
  });
});
