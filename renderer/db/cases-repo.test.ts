import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import {
  countCasesByStage,
  getCase,
  listCasesAtStageReportedBetween,
  listCasesInGrid,
  listOpenCases,
  loadIndicatorCases,
  loadQueue,
  EVALUATION_WINDOW_MS,
} from './cases-repo';
import {
  getGrid,
  getMatter,
  getTownship,
  listGridsInCommunity,
  listGridsInPatrolArea,
  listMattersInDomain,
  listOfficersByStatus,
  listOfficersOfTeam,
  listPatrolAreasOfTeam,
} from './org-repo';
import { FIXTURE_GRID_CODES, makeFixtureDataset } from '../../shared/schema/test-fixture';
import { CASE_STAGES, isOpenStage } from '../../shared/model/case';
import { caseEventsOf } from '../../shared/cases/data-events';

let db: GridDeskDb;
let serial = 0;
const fixture = makeFixtureDataset();

beforeEach(async () => {
  db = new GridDeskDb(`cases-repo-test-${serial++}`);
  await replaceDataset(db, fixture);
});
afterEach(async () => {
  await db.delete();
});

describe('case queries', () => {
  it('lists the open cases, newest report first, and none of the closed ones', async () => {
    const open = await listOpenCases(db);
    const expected = fixture.cases
      .filter((c) => isOpenStage(c.stage))
      .sort((a, b) => b.reportedAt - a.reportedAt);
    expect(open.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(open.every((c) => c.stage !== 'closed' && c.stage !== 'evaluated')).toBe(true);
  });

  it('counts cases by stage, with a zero for every empty stage', async () => {
    const counts = await countCasesByStage(db);
    expect(Object.keys(counts).sort()).toEqual([...CASE_STAGES].sort());
    for (const stage of CASE_STAGES) {
      expect(counts[stage]).toBe(fixture.cases.filter((c) => c.stage === stage).length);
    }
  });

  it('gets one case by id, and nothing for an unknown id', async () => {
    expect(await getCase(db, 'case-3')).toEqual(fixture.cases.find((c) => c.id === 'case-3'));
    expect(await getCase(db, 'case-99')).toBeUndefined();
  });

  it('finds cases by grid and by stage within a time window', async () => {
    const inFirstGrid = await listCasesInGrid(db, FIXTURE_GRID_CODES[0]);
    expect(inFirstGrid.map((c) => c.id)).toEqual(
      fixture.cases
        .filter((c) => c.gridCode === FIXTURE_GRID_CODES[0])
        .sort((a, b) => a.reportedAt - b.reportedAt)
        .map((c) => c.id),
    );
    const closed = fixture.cases.find((c) => c.stage === 'closed');
    if (closed === undefined) throw new Error('fixture has a closed case');
    const window = await listCasesAtStageReportedBetween(
      db,
      'closed',
      closed.reportedAt,
      closed.reportedAt + 1,
    );
    expect(window.map((c) => c.id)).toEqual([closed.id]);
    expect(
      await listCasesAtStageReportedBetween(db, 'closed', closed.reportedAt + 1, closed.reportedAt + 2),
    ).toEqual([]);
  });
});

describe('cases for the indicators and the wall', () => {
  it('reads the cases reported since a time and, when asked, every older case still open, each once', async () => {
    // Just after the oldest open case, so it is open but older than the window.
    const since = Math.min(...fixture.cases.filter((c) => isOpenStage(c.stage)).map((c) => c.reportedAt)) + 1;
    const recent = fixture.cases.filter((c) => c.reportedAt >= since).map((c) => c.id);
    const olderOpen = fixture.cases
      .filter((c) => c.reportedAt < since && isOpenStage(c.stage))
      .map((c) => c.id);
    expect(recent.length).toBeGreaterThan(0);
    expect(olderOpen.length).toBeGreaterThan(0);

    const window = await loadIndicatorCases(db, since);
    expect(window.map((i) => i.case.id).sort()).toEqual([...recent].sort());
    const withOpen = await loadIndicatorCases(db, since, { withOpen: true });
    expect(withOpen.map((i) => i.case.id).sort()).toEqual([...recent, ...olderOpen].sort());
    expect(withOpen.every((i) => Array.isArray(i.events))).toBe(true);
  });
});

describe('organisation lookups', () => {
  it('finds the township, grids by area and community, areas of a team', async () => {
    expect(await getTownship(db)).toEqual(fixture.township);
    expect(await getGrid(db, FIXTURE_GRID_CODES[1])).toEqual(fixture.grids[1]);
    expect((await listGridsInPatrolArea(db, 'area-1')).length).toBe(fixture.grids.length);
    expect((await listGridsInCommunity(db, '002')).map((g) => g.code)).toEqual(
      fixture.grids.filter((g) => g.communityCode === '002').map((g) => g.code),
    );
    expect((await listPatrolAreasOfTeam(db, 'team-1')).map((a) => a.id)).toEqual(['area-1']);
  });

  it('finds officers by team and by status, and matters by code and domain', async () => {
    expect((await listOfficersOfTeam(db, 'team-1')).map((o) => o.id).sort()).toEqual(['off-1', 'off-2']);
    expect((await listOfficersByStatus(db, 'available')).map((o) => o.id)).toEqual(['off-2']);
    expect(await getMatter(db, 'HB-003')).toEqual(fixture.matters.find((m) => m.code === 'HB-003'));
    expect((await listMattersInDomain(db, 'market-regulation')).map((m) => m.code)).toEqual(['SC-002']);
  });
});

describe('the queue read', () => {
  const DAY = 86_400_000;
  /** The fixture with case-4 (结案) closed `closedDaysLater` days after it was reported. */
  async function withCase4ClosedLater(closedDaysLater: number): Promise<number> {
    const cases = fixture.cases.map((c) =>
      c.id !== 'case-4'
        ? c
        : {
            ...c,
            steps: c.steps.map((s, i, all) =>
              i === all.length - 1 ? { ...s, at: s.at + closedDaysLater * DAY } : s,
            ),
          },
    );
    await replaceDataset(db, { ...fixture, cases });
    return cases.find((c) => c.id === 'case-4')!.steps.at(-1)!.at;
  }

  it('holds the open cases and a case closed within the evaluation window, however long ago it was reported', async () => {
    const closedAt = await withCase4ClosedLater(30);
    const queue = await loadQueue(db, closedAt + DAY);
    expect(queue.open.map((c) => c.id).sort()).toEqual(['case-1', 'case-2', 'case-3']);
    expect(queue.closed.map((c) => c.id)).toEqual(['case-4']);
    expect([...queue.loops.keys()].sort()).toEqual(['case-1', 'case-2', 'case-3', 'case-4']);
    expect(queue.loops.get('case-4')?.stage).toBe('closed');
    // Each case's last event in the record, to tell what a later read changed.
    const events = caseEventsOf(await db.events.toArray());
    for (const id of queue.lastSeqs.keys())
      expect(queue.lastSeqs.get(id)).toBe(
        Math.max(...events.filter((e) => e.caseId === id).map((e) => e.seq)),
      );
  });

  it('leaves out a case closed before the window', async () => {
    const closedAt = await withCase4ClosedLater(30);
    const queue = await loadQueue(db, closedAt + EVALUATION_WINDOW_MS + DAY);
    expect(queue.closed).toEqual([]);
    expect(queue.open).toHaveLength(3);
  });
});
