import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../schema/test-fixture';
import { resolveResponsibility } from './responsibility';

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

  it('names the broken reference when a grid points at a missing patrol area', () => {
    const grid = { ...dataset.grids[0]!, patrolAreaId: 'nowhere' };
    expect(() =>
      resolveResponsibility({ kind: 'inside', code: grid.code }, { ...dataset, grids: [grid] }),
    ).toThrow(/patrol area nowhere/);
  });
});
