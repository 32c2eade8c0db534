import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { openDb, type GridDeskDb } from './database';
import { loadSetup, replaceDataset } from './dataset-repo';
import { forgetTrackTails, pruneTracks, readTrack, recordPositionReports } from './positions-repo';
import type { Officer } from '../../shared/model/organisation';

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

  it('keeps the battery and accuracy of the phone’s latest fix on the stored officer', async () => {
    const officer = dataset.officers[0]!;
    await recordPositionReports(
      db,
      [{ officerId: officer.id, position: [118.31, 34.31], at: NOW, battery: 64, accuracy: 8 }],
      NOW,
    );
    expect(await db.officers.get(officer.id)).toMatchObject({ positionAt: NOW, battery: 64, accuracy: 8 });
    const setup = await loadSetup(db);
    expect(setup?.officers.find((o) => o.id === officer.id)).toMatchObject({ battery: 64, accuracy: 8 });
  });

  it('keeps the speed the phone reported in the track point, and none where it reported none', async () => {
    const officer = dataset.officers[0]!;
    await recordPositionReports(
      db,
      [
        { officerId: officer.id, position: [118.31, 34.31], at: NOW - 120_000, speed: 1.4 },
        { officerId: officer.id, position: [118.32, 34.32], at: NOW },
      ],
      NOW,
    );
    expect((await readTrack(db, officer.id, 0, Infinity)).map((p) => p.speed)).toEqual([1.4, null]);
  });

  it('heals an officer whose stored position was stamped a day ahead before the check existed', async () => {
    const officer = dataset.officers[0]!;
    await db.officers.put({ ...officer, position: [118.5, 34.5], positionAt: NOW + DAY });
    await recordPositionReports(db, [{ officerId: officer.id, position: [118.31, 34.31], at: NOW }], NOW);
    expect((await db.officers.get(officer.id))?.positionAt).toBe(NOW);
  });

  it('keeps the track, thinned, a buffered batch whole, and prunes it after 90 days', async () => {
    const officer = dataset.officers[0]!;
    const at = (minutes: number, lon: number) => ({
      officerId: officer.id,
      position: [lon, 34.3] as [number, number],
      at: NOW + minutes * 60_000,
    });
    // A phone back online sends what it buffered: every fix is in the track, the newest is the position.
    await recordPositionReports(db, [at(-30, 118.3), at(-20, 118.301), at(-10, 118.302)], NOW);
    // A resend, and a fix 1 m away 10 s later: not kept.
    await recordPositionReports(db, [at(-10, 118.302), { ...at(-10, 118.30201), at: NOW - 590_000 }], NOW);
    expect((await readTrack(db, officer.id, NOW - DAY, NOW)).map((p) => (p.at - NOW) / 60_000)).toEqual([
      -30, -20, -10,
    ]);
    // The position takes the newest fix, however near; the track does not keep it.
    expect((await db.officers.get(officer.id))?.positionAt).toBe(NOW - 590_000);
    // A report ahead of the clock is no more in the track than in the position.
    await recordPositionReports(db, [at(24 * 60, 118.4)], NOW);
    expect(await readTrack(db, officer.id, NOW, NOW + 2 * DAY)).toEqual([]);
    // 90 days on, what is older than the window goes.
    await recordPositionReports(db, [at(90 * 24 * 60 - 15, 118.5)], NOW + 90 * DAY);
    expect(await pruneTracks(db, NOW + 90 * DAY, 2)).toBe(3);
    expect((await readTrack(db, officer.id, 0, Infinity)).map((p) => p.position[0])).toEqual([118.5]);
  });

  it('gives back only the officers a batch moved, as stored, and leaves the others’ rows alone', async () => {
    const [first, second] = dataset.officers as [Officer, Officer];
    const before = await db.officers.get(second.id);
    const stored = await recordPositionReports(
      db,
      [
        { officerId: first.id, position: [118.32, 34.32], at: NOW },
        { officerId: 'nobody', position: [118.32, 34.32], at: NOW },
      ],
      NOW,
    );
    expect(stored.moved).toEqual([{ ...first, position: [118.32, 34.32], positionAt: NOW }]);
    expect(stored.counts).toMatchObject({ applied: 1, unknownOfficer: 1 });
    expect(await db.officers.get(first.id)).toEqual(stored.moved[0]);
    expect(await db.officers.get(second.id)).toEqual(before);
    // A resend moves no one.
    const again = await recordPositionReports(
      db,
      [{ officerId: first.id, position: [118.32, 34.32], at: NOW }],
      NOW,
    );
    expect(again.moved).toEqual([]);
  });

  it('thins after the point it kept last, and starts a track again once the tracks were replaced', async () => {
    const officer = dataset.officers[0]!;
    const fix = (seconds: number, lon: number) => ({
      officerId: officer.id,
      position: [lon, 34.3] as [number, number],
      at: NOW + seconds * 1000,
    });
    await recordPositionReports(db, [fix(0, 118.3)], NOW);
    // 2 m and 10 s on: not kept; 20 m on: kept, and thinning goes on from it.
    await recordPositionReports(db, [fix(10, 118.30002)], NOW + 10_000);
    await recordPositionReports(db, [fix(20, 118.3002)], NOW + 20_000);
    await recordPositionReports(db, [fix(30, 118.30022)], NOW + 30_000);
    expect((await readTrack(db, officer.id, 0, Infinity)).map((p) => (p.at - NOW) / 1000)).toEqual([0, 20]);
    // A restore empties the tracks in place (backup-repo.ts) and forgets their last points.
    await db.trackPoints.clear();
    forgetTrackTails(db);
    await recordPositionReports(db, [fix(40, 118.30023)], NOW + 40_000);
    expect((await readTrack(db, officer.id, 0, Infinity)).map((p) => (p.at - NOW) / 1000)).toEqual([40]);
  });
});
