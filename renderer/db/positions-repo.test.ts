import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { recordPositionReports } from './positions-repo';

let db: GridDeskDb;
const dataset = makeFixtureDataset();
const NOW = Date.UTC(2026, 10, 23, 2, 0);
const DAY = 24 * 3_600_000;

beforeEach(async () => {
  db = openDb(`positions-${Math.random()}`);
  await replaceDataset(db, dataset);
});
afterEach(async () => {
  await db.delete();
});

describe('recording position reports', () => {
  it('stores nothing of a report stamped a day ahead, so the next real report moves the officer', async () => {
    const officer = dataset.officers[0]!;
    const future = await recordPositionReports(
      db,
      [{ officerId: officer.id, position: [118.5, 34.5], at: NOW + DAY }],
      NOW,
    );
    expect(future.counts).toMatchObject({ applied: 0, rejectedFuture: 1 });
    expect((await db.officers.get(officer.id))?.positionAt).toBe(officer.positionAt);

    const real = await recordPositionReports(
      db,
      [{ officerId: officer.id, position: [118.31, 34.31], at: NOW + 15_000 }],
      NOW + 15_000,
    );
    expect(real.counts).toMatchObject({ applied: 1, rejectedFuture: 0 });
    expect(await db.officers.get(officer.id)).toMatchObject({
      position: [118.31, 34.31],
      positionAt: NOW + 15_000,
    });
  });

  it('heals an officer whose stored position was stamped a day ahead before the check existed', async () => {
    const officer = dataset.officers[0]!;
    await db.officers.put({ ...officer, position: [118.5, 34.5], positionAt: NOW + DAY });
    await recordPositionReports(db, [{ officerId: officer.id, position: [118.31, 34.31], at: NOW }], NOW);
    expect((await db.officers.get(officer.id))?.positionAt).toBe(NOW);
  });
});
