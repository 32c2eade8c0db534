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
  loadQueueAt,
  EVALUATION_WINDOW_MS,
  queueFollower,
  type FollowedQueue,
  type QueueRead,
} from './cases-repo';
import { exportBackup, restoreBackup } from './backup-repo';
import { createCases, runCaseActions } from './case-actions';
import { makeWorkstation } from './test-backup';
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

describe('the queue followed as it is written', () => {
  const NOW = Date.UTC(2026, 2, 10, 2, 15);
  const DAY = 86_400_000;
  /** The queue a follower gives, without the open cases' events (what loadQueue reads). */
  const queueOf = ({ events: _events, ...queue }: FollowedQueue): QueueRead => queue;
  /** Each open case's events as the record holds them, in seq order. */
  async function storedEventsOfOpen(open: readonly { id: string }[]): Promise<Map<string, number[]>> {
    const events = caseEventsOf(await db.events.orderBy('seq').toArray());
    return new Map(
      open
        .map((c) => [c.id, events.filter((e) => e.caseId === c.id).map((e) => e.seq)] as const)
        .filter(([, seqs]) => seqs.length > 0),
    );
  }
  const seqsOf = (queue: FollowedQueue): Map<string, number[]> =>
    new Map([...queue.events].map(([id, list]) => [id, list.map((e) => e.seq)]));

  it('gives every open case its events, and after a write reads again only those of the case written', async () => {
    const station = await makeWorkstation(db, fixture, { now: NOW });
    // Started from what start-up read, as the cases store starts it.
    const follow = queueFollower(db, () => NOW, await loadQueueAt(db, NOW));
    const first = await follow();
    expect(seqsOf(first)).toEqual(await storedEventsOfOpen(first.open));
    const other = first.open.find((c) => c.id !== station.caseId)!.id;
    const noted = await runCaseActions(
      db,
      station.caseId,
      [{ type: 'note', payload: { text: '再次到场' } }],
      station.op,
      NOW,
    );
    expect(noted.ok).toBe(true);
    const after = await follow();
    expect(seqsOf(after)).toEqual(await storedEventsOfOpen(after.open));
    expect(after.events.get(station.caseId)?.at(-1)?.action.type).toBe('note');
    // The other cases' lists are the very ones read before.
    expect(after.events.get(other)).toBe(first.events.get(other));
  });

  it('after each write holds what a whole read would: a note, a new case, a voided one, and the window moving on', async () => {
    const station = await makeWorkstation(db, fixture, { now: NOW });
    let clock = NOW;
    const follow = queueFollower(db, () => clock);
    expect(queueOf(await follow())).toEqual(await loadQueue(db, clock));

    clock = NOW + 60_000;
    const noted = await runCaseActions(
      db,
      station.caseId,
      [{ type: 'note', payload: { text: '再次到场' } }],
      station.op,
      clock,
    );
    expect(noted.ok).toBe(true);
    const afterNote = await follow();
    expect(queueOf(afterNote)).toEqual(await loadQueue(db, clock));
    expect(afterNote.lastSeqs.get(station.caseId)).toBe(noted.ok ? noted.events.at(-1)?.seq : -1);

    const created = await createCases(
      db,
      [
        {
          draft: {
            source: 'hotline',
            matterCode: fixture.matters[0]!.code,
            urgency: 'normal',
            description: '新上报',
            address: '新安街道 8 号',
            location: fixture.cases[0]!.location,
            gridCode: fixture.grids[0]!.code,
            teamId: 'team-1',
            reportedAt: clock,
          },
          then: [{ type: 'register', payload: {} }],
        },
      ],
      station.op,
      clock,
    );
    if (!created.ok) throw new Error(created.reason.key);
    const voided = await runCaseActions(
      db,
      'case-1',
      [{ type: 'void', payload: { reason: '重复上报' } }],
      station.lead,
      clock,
    );
    expect(voided.ok).toBe(true);
    const afterMore = await follow();
    expect(queueOf(afterMore)).toEqual(await loadQueue(db, clock));
    expect(afterMore.open.map((c) => c.id)).toContain(created.cases[0]!.id);
    expect(afterMore.open.map((c) => c.id)).not.toContain('case-1');
    // The fixture's closed case-4 waits in the queue until the window passes it, without a write to it.
    const closedAt = fixture.cases.find((c) => c.id === 'case-4')!.steps.at(-1)!.at;
    clock = Math.max(clock, closedAt + EVALUATION_WINDOW_MS + DAY);
    expect(queueOf(await follow())).toEqual(await loadQueue(db, clock));
  });

  it('reads the queue whole again after a restore replaced the record', async () => {
    const station = await makeWorkstation(db, fixture, { now: NOW });
    const follow = queueFollower(db, () => NOW);
    const made = await exportBackup(db, station.lead, NOW);
    if (!made.ok) throw new Error(made.refusal.key);
    await runCaseActions(
      db,
      station.caseId,
      [{ type: 'void', payload: { reason: '误报' } }],
      station.lead,
      NOW,
    );
    const voided = await follow();
    expect(voided.open.map((c) => c.id)).not.toContain(station.caseId);
    expect(await restoreBackup(db, station.lead, made.backup, made.files)).toEqual({ ok: true });
    const restored = await follow();
    expect(queueOf(restored)).toEqual(await loadQueue(db, NOW));
    expect(restored.open.map((c) => c.id)).toContain(station.caseId);
  });
});
