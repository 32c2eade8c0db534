import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../schema/test-fixture';
import { GridLocator } from '../spatial';
import { isOpenStage } from '../model/case';
import { caseCoordinates, caseGridChanges } from './reassign';

const dataset = makeFixtureDataset();
const open = dataset.cases.filter((c) => isOpenStage(c.stage));

function locateAll(grids: typeof dataset.grids, cases: typeof open): Int32Array {
  const { lon, lat } = caseCoordinates(cases);
  const out = new Int32Array(cases.length);
  new GridLocator(grids).locateMany(lon, lat, out);
  return out;
}

describe('reassigning open cases after a grid change', () => {
  it('changes nothing when every case already sits in its grid', () => {
    expect(caseGridChanges(open, locateAll(dataset.grids, open), dataset)).toEqual([]);
  });

  it('moves a case to the grid and team its point lies in now', () => {
    const target = open[0]!;
    const other = dataset.grids.find((g) => g.code !== target.gridCode)!;
    const stale = [{ ...target, gridCode: other.code, teamId: 'team-old' }];
    const changes = caseGridChanges(stale, locateAll(dataset.grids, stale), dataset);
    const area = dataset.patrolAreas.find(
      (a) => a.id === dataset.grids.find((g) => g.code === target.gridCode)?.patrolAreaId,
    );
    expect(changes).toEqual([
      {
        kind: 'moved',
        caseId: target.id,
        caseNo: target.caseNo,
        from: { gridCode: other.code, teamId: 'team-old' },
        to: { gridCode: target.gridCode, teamId: area?.teamId },
      },
    ]);
  });

  it('flags a case whose grid was removed, for referral rather than a silent change', () => {
    const target = open[0]!;
    const grids = dataset.grids.filter((g) => g.code !== target.gridCode);
    const changes = caseGridChanges([target], locateAll(grids, [target]), { ...dataset, grids });
    expect(changes).toEqual([
      {
        kind: 'outside',
        caseId: target.id,
        caseNo: target.caseNo,
        from: { gridCode: target.gridCode, teamId: target.teamId },
      },
    ]);
  });

  it('refuses answers that do not line up with the cases', () => {
    expect(() => caseGridChanges(open, new Int32Array(open.length + 1), dataset)).toThrow(/grid answers/);
  });
});
