import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseTally, dayTallies } from '../../shared/indicators/tally';
import { DEFAULT_CENTRE_SETTINGS } from '../../shared/settings/centre-settings';
import { makeFixtureDataset, makeFixtureSampleFiles } from '../../shared/schema/test-fixture';
import { exportBackup, restoreBackup } from './backup-repo';
import { createCases, runCaseActions, type NewCaseItem } from './case-actions';
import { GridDeskDb } from './database';
import { resetLoss, resetToSample } from './seed';
import { currentCentre, openCentres } from './centres';
import { saveSettings } from './settings-repo';
import {
  currentTallyRules,
  ensureTallies,
  rebuildTallies,
  readIndicatorRollUps,
  readTallyState,
  readWallRollUps,
  talliesCurrent,
} from './tallies-repo';
import { loadIndicatorCases } from './cases-repo';
import { calendarZone } from '../../shared/calendar/config';
import { centreDate, centreDayStart } from '../../shared/calendar/zone';
import { indicatorReport, indicatorReportOfRollUps, reportStart } from '../../shared/indicators/report';
import { readCurrentAlarms } from './current-alarms';
import { readWallFigures } from './wall-figures';
import { wallFigures, wallFiguresOfRollUps } from '../../shared/wall/figures';
import { makeWorkstation, type Workstation } from './test-backup';
import { signInAs } from './test-accounts';
import { caseEventsOf } from '../../shared/cases/data-events';

const NOW = Date.UTC(2026, 2, 10, 2, 15);
const fixture = makeFixtureDataset();
let serial = 0;
let station: Workstation;
let db: GridDeskDb;

beforeEach(async () => {
  db = new GridDeskDb(`tallies-repo-test-${serial++}`);
  station = await makeWorkstation(db, fixture, { now: NOW });
});
afterEach(async () => {
  await db.delete();
});

/** The roll-ups as a rebuild from scratch would compute them now, from every stored case and event. */
async function fresh() {
  const { options } = await currentTallyRules(db);
  const [cases, events] = await Promise.all([db.cases.toArray(), db.events.orderBy('seq').toArray()]);
  const tallies = cases.map((kase) =>
    caseTally({ case: kase, events: caseEventsOf(events).filter((e) => e.caseId === kase.id) }, options),
  );
  return { cases: tallies, days: dayTallies(tallies) };
}

/** The roll-ups stored. */
async function stored() {
  return { cases: await db.caseTallies.toArray(), days: await db.dayTallies.toArray() };
}

const newCase = (description: string, reportedAt: number): NewCaseItem => ({
  draft: {
    source: 'hotline',
    matterCode: fixture.matters[0]!.code,
    urgency: 'normal',
    description,
    address: '新安街道 8 号',
    location: fixture.cases[0]!.location,
    gridCode: fixture.grids[0]!.code,
    teamId: 'team-1',
    reportedAt,
  },
  then: [{ type: 'register', payload: {} }],
});

describe('the indicators’ roll-ups in the database', () => {
  it('are missing after a dataset is written, and a rebuild makes them those of every case', async () => {
    expect(await talliesCurrent(db)).toBe(false);
    expect(await ensureTallies(db)).toBe(true);
    expect(await talliesCurrent(db)).toBe(true);
    expect(await stored()).toEqual(await fresh());
    expect((await readTallyState(db))?.cases).toBe(fixture.cases.length + 1);
    expect(await ensureTallies(db)).toBe(false);
  });

  it('follow a case write in its transaction: the day rows equal a fresh rebuild', async () => {
    await rebuildTallies(db);
    const before = await db.caseTallies.get(station.caseId);
    // 作废 by the leader: the case is no longer an accurate registration, nor one that should close.
    const voided = await runCaseActions(
      db,
      station.caseId,
      [{ type: 'void', payload: { reason: '重复上报' } }],
      station.lead,
      NOW + 60_000,
    );
    expect(voided.ok).toBe(true);
    expect(await stored()).toEqual(await fresh());
    expect((await db.caseTallies.get(station.caseId))?.sums).not.toEqual(before?.sums);
  });

  it('move a reassigned case’s tally to its new team’s day, leaving no empty row behind', async () => {
    await rebuildTallies(db);
    const moved = await runCaseActions(
      db,
      station.caseId,
      [
        {
          type: 'reassign',
          payload: { gridCode: fixture.grids[0]!.code, teamId: 'team-2', reason: '跨片区' },
        },
      ],
      station.op,
      NOW + 60_000,
    );
    expect(moved.ok).toBe(true);
    const rows = await stored();
    expect(rows).toEqual(await fresh());
    expect(rows.days.some((row) => row.teamId === 'team-2')).toBe(true);
    expect(rows.days.every((row) => row.sums.cases > 0)).toBe(true);
  });

  it('take in an import of several cases in one commit', async () => {
    await rebuildTallies(db);
    const days = [NOW - 3 * 86_400_000, NOW - 86_400_000, NOW - 86_400_000, NOW];
    const items = days.map((at, i) => newCase(`导入 ${i + 1}`, at));
    const created = await createCases(db, items, station.op, NOW + 120_000);
    expect(created.ok).toBe(true);
    const rows = await stored();
    expect(rows).toEqual(await fresh());
    expect(rows.cases).toHaveLength(fixture.cases.length + 1 + items.length);
  });

  it('go stale when the calendar changes: a write leaves them to the rebuild, which makes them current', async () => {
    await rebuildTallies(db);
    const calendar = { ...DEFAULT_CENTRE_SETTINGS.calendar, holidays: ['2026-03-09'] };
    const saved = await saveSettings(db, { ...DEFAULT_CENTRE_SETTINGS, calendar }, station.lead);
    expect(saved.ok).toBe(true);
    expect(await talliesCurrent(db)).toBe(false);
    const untouched = await stored();
    const written = await createCases(db, [newCase('节后', NOW)], station.op, NOW + 60_000);
    expect(written.ok).toBe(true);
    // Not kept under the old rules: the tables as they were, and no longer marked current.
    expect(await readTallyState(db)).toBeUndefined();
    expect(await stored()).toEqual(untouched);
    expect(await ensureTallies(db)).toBe(true);
    expect(await talliesCurrent(db)).toBe(true);
    expect(await stored()).toEqual(await fresh());
  });

  it('stay right when cases are written while a rebuild reads', async () => {
    // A registered case of the first chunk (ids in order), read before it is voided (a workstation
    // id may sort before or after the fixture's 'case-…').
    const first = await db.cases.orderBy(':id').limit(2).toArray();
    const early = first.find((c) => ['registered', 'dispatched'].includes(c.stage));
    if (early === undefined) throw new Error('the fixture needs a registered case among its first two');
    let written: unknown[] = [];
    const outcome = await rebuildTallies(db, {
      chunk: 2,
      onProgress: async (done) => {
        // After the first chunk is read: one case already read changes, and a new one comes.
        if (done !== 2) return;
        written = await Promise.all([
          runCaseActions(
            db,
            early.id,
            [{ type: 'void', payload: { reason: '重复上报' } }],
            station.lead,
            NOW + 60_000,
          ),
          createCases(db, [newCase('读的时候来的', NOW)], station.op, NOW + 60_000),
        ]);
      },
    });
    expect(outcome).toEqual({ ok: true, cases: fixture.cases.length + 2 });
    expect(written).toMatchObject([{ ok: true }, { ok: true }]);
    expect(await talliesCurrent(db)).toBe(true);
    expect(await stored()).toEqual(await fresh());
  });

  it('are cleared by a reset to the sample and by a restore, to be rebuilt', async () => {
    await rebuildTallies(db);
    const made = await exportBackup(db, station.lead, NOW + 60_000);
    if (!made.ok) throw new Error(made.refusal.key);
    expect(await restoreBackup(db, station.lead, made.backup, made.files)).toEqual({ ok: true });
    expect(await talliesCurrent(db)).toBe(false);
    expect(await stored()).toEqual({ cases: [], days: [] });

    await rebuildTallies(db);
    await db.meta.put({ key: 'dataset', value: { ...fixture.meta, synthetic: true } });
    const lead = await signInAs(db, 'lead');
    const sample = async (): Promise<unknown[]> => makeFixtureSampleFiles();
    const registry = openCentres(`${db.name}-centres`);
    await currentCentre(registry, NOW, db.name);
    const reset = await resetToSample(registry, db, lead, sample, NOW + 120_000, await resetLoss(db), {
      sample: 'fixture-sample',
    });
    if (!reset.ok) throw new Error('reset failed');
    await reset.dropped;
    await registry.delete();
    db = reset.db;
    expect(await talliesCurrent(db)).toBe(false);
    expect(await stored()).toEqual({ cases: [], days: [] });
  });

  it('give the report and the wall of every stored case, read back from the database', async () => {
    await rebuildTallies(db);
    const closing = await createCases(db, [newCase('今天办结', NOW)], station.op, NOW + 60_000);
    if (!closing.ok) throw new Error(closing.reason.key);
    const { options: rules } = await currentTallyRules(db);
    const options = { ...rules, now: NOW + 3_600_000 };
    const zone = calendarZone(options.calendar);
    const today = centreDate(options.now, zone);
    // Newest first, as the open cases are read: overdueIds come in the order the cases are given.
    const every = (await loadIndicatorCases(db, 0)).sort(
      (a, b) => b.case.reportedAt - a.case.reportedAt || a.case.id.localeCompare(b.case.id),
    );
    for (const days of [1, 7, 30, 365]) {
      const first = centreDate(reportStart(days, options), zone);
      const rollUps = await readIndicatorRollUps(db, first, today);
      // 当前超期 as the alarms worker counts it.
      const alarms = await readCurrentAlarms(db, options.now);
      expect(rollUps && indicatorReportOfRollUps({ ...rollUps, alarms }, days, options)).toEqual(
        indicatorReport(every, days, options),
      );
    }
    const wall = { ...options, windowStart: reportStart(30, options) };
    const dayStart = centreDayStart(options.now, zone);
    const rollUps = await readWallRollUps(db, centreDate(wall.windowStart, zone), dayStart, 8);
    const figures = rollUps && wallFiguresOfRollUps(rollUps, wall);
    expect(figures).toEqual(wallFigures(every, wall));
    expect(figures?.reportedToday).toBe(2);
    // As the alarms worker computes them for the wall: the same figures, and its 超期 the indicators'.
    expect(await readWallFigures(db, options.now)).toEqual(figures);
    expect(figures?.overdue).toBe((await readCurrentAlarms(db, options.now)).overdue);
  });

  it('are not read while stale', async () => {
    await rebuildTallies(db);
    const calendar = { ...DEFAULT_CENTRE_SETTINGS.calendar, timeZone: 'Asia/Urumqi' };
    expect((await saveSettings(db, { ...DEFAULT_CENTRE_SETTINGS, calendar }, station.lead)).ok).toBe(true);
    expect(await readIndicatorRollUps(db, '2026-03-01', '2026-03-10')).toBeNull();
    expect(await readWallRollUps(db, '2026-03-01', NOW, 8)).toBeNull();
    expect(await readWallFigures(db, NOW)).toBeNull();
  });
});
