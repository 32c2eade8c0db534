import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { exportBackup, restoreBackup } from './backup-repo';
import { createCases, runCaseActions, type NewCaseItem } from './case-actions';
import { listEventsOfCases, listOpenCases } from './cases-repo';
import { GridDeskDb } from './database';
import { readOpenCasesWithEvents } from './open-case-events';
import { makeWorkstation, type Workstation } from './test-backup';

const NOW = Date.UTC(2026, 2, 10, 2, 15);
const fixture = makeFixtureDataset();
let serial = 0;
let station: Workstation;
let db: GridDeskDb;

beforeEach(async () => {
  db = new GridDeskDb(`open-case-events-test-${serial++}`);
  station = await makeWorkstation(db, fixture, { now: NOW });
});
afterEach(async () => {
  await db.delete();
});

/** What a first read finds: every open case, newest first, with all its events in record order. */
async function readWhole() {
  const open = await listOpenCases(db);
  const events = await listEventsOfCases(
    db,
    open.map((c) => c.id),
  );
  return open.map((kase) => ({ case: kase, events: events.get(kase.id) ?? [] }));
}

const readHeld = () => db.transaction('r', db.meta, db.cases, db.events, () => readOpenCasesWithEvents(db));

const newCase = (description: string): NewCaseItem => ({
  draft: {
    source: 'hotline',
    matterCode: fixture.matters[0]!.code,
    urgency: 'normal',
    description,
    address: '新安街道 8 号',
    location: fixture.cases[0]!.location,
    gridCode: fixture.grids[0]!.code,
    teamId: 'team-1',
    reportedAt: NOW,
  },
  then: [{ type: 'register', payload: {} }],
});

describe('the open cases with their events, read again after writes', () => {
  it('are every open case with all its events, as a first read finds them', async () => {
    expect(await readHeld()).toEqual(await readWhole());
  });

  it('take in a note, a new case and a case voided since the last read', async () => {
    const before = await readHeld();
    const noted = await runCaseActions(
      db,
      station.caseId,
      [{ type: 'note', payload: { text: '再次到场' } }],
      station.op,
      NOW + 60_000,
    );
    expect(noted.ok).toBe(true);
    const created = await createCases(db, [newCase('新上报')], station.op, NOW + 120_000);
    if (!created.ok) throw new Error(created.reason.key);
    const voided = await runCaseActions(
      db,
      before.at(-1)!.case.id,
      [{ type: 'void', payload: { reason: '重复上报' } }],
      station.lead,
      NOW + 180_000,
    );
    expect(voided.ok).toBe(true);

    const after = await readHeld();
    expect(after).toEqual(await readWhole());
    expect(after.map((c) => c.case.id)).not.toContain(before.at(-1)!.case.id);
    expect(after.find((c) => c.case.id === station.caseId)?.events.at(-1)?.action.type).toBe('note');
    expect(after).toHaveLength(before.length);
  });

  it('are read whole again after a restore replaced the record', async () => {
    const made = await exportBackup(db, station.lead, NOW + 60_000);
    if (!made.ok) throw new Error(made.refusal.key);
    await readHeld();
    await runCaseActions(
      db,
      station.caseId,
      [{ type: 'void', payload: { reason: '误报' } }],
      station.lead,
      NOW,
    );
    await readHeld();
    expect(await restoreBackup(db, station.lead, made.backup, made.files)).toEqual({ ok: true });
    const restored = await readHeld();
    expect(restored).toEqual(await readWhole());
    expect(restored.map((c) => c.case.id)).toContain(station.caseId);
  });
});
