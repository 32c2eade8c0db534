import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../schema/test-fixture';
import { FAR_OUTSIDE_M, isFarOutside, resolveResponsibility } from './responsibility';

const dataset = makeFixtureDataset();

describe('who answers for a located point', () => {
  it('gives the grid, its patrol area and the team that owns the area', () => {
    const grid = dataset.grids[1]!;
    const result = resolveResponsibility({ kind: 'inside', code: grid.code }, dataset);
    const area = dataset.patrolAreas.find((a) => a.id === grid.patrolAreaId);
    expect(result).toEqual({
      kind: 'inside',
      grid,
      patrolArea: area,
      team: dataset.teams.find((t) => t.id === area?.teamId),
    });
  });

  it('refers a point outside the township with the nearest grid and its distance', () => {
    const grid = dataset.grids[0]!;
    expect(
      resolveResponsibility({ kind: 'outside', nearest: { code: grid.code, distanceM: 420 } }, dataset),
    ).toEqual({
      kind: 'outside',
      nearest: { grid, distanceM: 420 },
    });
  });

  it('calls a point far outside from the set distance on, or with no grid to measure from', () => {
    const grid = dataset.grids[0]!;
    const outside = (distanceM: number) =>
      resolveResponsibility({ kind: 'outside', nearest: { code: grid.code, distanceM } }, dataset);
    expect(isFarOutside(outside(FAR_OUTSIDE_M - 1))).toBe(false);
    expect(isFarOutside(outside(FAR_OUTSIDE_M))).toBe(true);
    expect(isFarOutside({ kind: 'outside', nearest: null })).toBe(true);
    expect(isFarOutside(resolveResponsibility({ kind: 'inside', code: grid.code }, dataset))).toBe(false);
    expect(isFarOutside(outside(2_000), 1_000)).toBe(true);
  });

  it('names the broken reference when a grid points at a missing patrol area', () => {
    const grid = { ...dataset.grids[0]!, patrolAreaId: 'nowhere' };
    expect(() =>
      resolveResponsibility({ kind: 'inside', code: grid.code }, { ...dataset, grids: [grid] }),
    ).toThrow(/patrol area nowhere/);
  });
});
