import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { applyCaseAssignments, getCase } from './cases-repo';

let db: GridDeskDb | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('applying new case assignments', () => {
  it('updates grid and team of every named case', async () => {
    const dataset = makeFixtureDataset();
    db = openDb(`apply-${Math.random()}`);
    await replaceDataset(db, dataset);
    const [a, b] = dataset.cases;
    const grid = dataset.grids.at(-1)!;
    expect(await applyCaseAssignments(db, [{ caseId: a!.id, gridCode: grid.code, teamId: 'team-x' }])).toBe(
      1,
    );
    expect(await getCase(db, a!.id)).toMatchObject({ gridCode: grid.code, teamId: 'team-x' });
    expect(await getCase(db, b!.id)).toEqual(b);
  });

  it('changes nothing when one of the cases is missing', async () => {
    const dataset = makeFixtureDataset();
    db = openDb(`apply-${Math.random()}`);
    await replaceDataset(db, dataset);
    const a = dataset.cases[0]!;
    await expect(
      applyCaseAssignments(db, [
        { caseId: a.id, gridCode: dataset.grids.at(-1)!.code, teamId: 'team-x' },
        { caseId: 'no-such-case', gridCode: a.gridCode, teamId: a.teamId },
      ]),
    ).rejects.toThrow(/no-such-case/);
    expect(await getCase(db, a.id)).toEqual(a);
  });
});
