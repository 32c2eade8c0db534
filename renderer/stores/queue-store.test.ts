import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { FIXTURE_GRID_CODES, makeFixtureDataset } from '../../shared/schema/test-fixture';
import { createCase, createCases, type NewCaseDraft } from '../db/case-actions';
import { setCurrentDb } from '../db/handle';
import { i18n } from '../i18n';
import { useAuthStore } from './auth';
import { QUEUE_PAGE, useQueueStore } from './queue';
import { startTestWorkstation, type TestWorkstation } from './test-workstation';

let ws: TestWorkstation;
beforeEach(async () => {
  ws = await startTestWorkstation('operator');
});
afterEach(async () => {
  await ws.close();
});

const t = i18n.global.t;
const ids = (): string[] => useQueueStore().rows.map((r) => r.kase.id);
const fixture = makeFixtureDataset();
const DRAFT: NewCaseDraft = {
  source: 'hotline',
  matterCode: 'CG-001',
  urgency: 'normal',
  description: '门前占道经营',
  address: '新安街道 8 号',
  location: fixture.cases[0]!.location,
  gridCode: FIXTURE_GRID_CODES[0],
  teamId: 'team-1',
};

describe('the queue store on the local database', () => {
  it('shows the open cases the database holds, and its filters narrow them', async () => {
    const queue = useQueueStore();
    // The fixture's open cases; case-4 (结案 a year ago) and case-5 (评价) are not waiting for anything.
    expect([...ids()].sort()).toEqual(['case-1', 'case-2', 'case-3']);
    expect(queue.stageCounts.get('reported')).toBe(1);
    expect(queue.stageCounts.get('dispatched')).toBe(1);
    expect(queue.stageCounts.get('closed')).toBe(0);

    queue.setFilter('source', 'hotline');
    expect(ids()).toEqual(['case-2']);
    queue.resetFilters();
    queue.setFilter('text', '  新安街道 3 号 ');
    expect(ids()).toEqual(['case-3']);
    queue.resetFilters();
    queue.setFilter('stage', 'dispatched');
    expect(ids()).toEqual(['case-2']);
    // The stage chips count what the other filters leave, whatever stage is chosen.
    expect(queue.stageCounts.get('handling')).toBe(1);
  });

  it('updates after a case action: 立案 moves the case on, in the database and in the queue', async () => {
    const queue = useQueueStore();
    await queue.act('case-1', 'register');
    expect(ws.notices).toEqual([
      { kind: 'success', message: t('caseView.done', { action: t('action.register') }) },
    ]);
    expect((await ws.db.cases.get('case-1'))?.stage).toBe('registered');
    await vi.waitFor(() =>
      expect(queue.rows.find((r) => r.kase.id === 'case-1')?.kase.stage).toBe('registered'),
    );
    queue.setFilter('stage', 'reported');
    expect(ids()).toEqual([]);
  });

  it('opens the dialog for an action that needs input instead of running it', async () => {
    const queue = useQueueStore();
    await queue.act('case-1', 'reject');
    expect(queue.pending).toEqual({ caseId: 'case-1', type: 'reject' });
    expect((await ws.db.cases.get('case-1'))?.stage).toBe('reported');
    queue.closeDialog();
    expect(queue.pending).toBeNull();
  });

  it('refuses an action when nobody is signed in, and writes nothing', async () => {
    useAuthStore().clearSession();
    const before = await ws.db.events.count();
    await useQueueStore().act('case-1', 'register');
    expect(ws.notices).toEqual([{ kind: 'error', message: t('auth.notSignedIn') }]);
    expect(await ws.db.events.count()).toBe(before);
  });

  it('shows a case another window writes, with its running clock, and the overdue filter tells them apart', async () => {
    const queue = useQueueStore();
    const made = await createCase(ws.db, DRAFT, [], ws.token, Date.now());
    expect(made.ok).toBe(true);
    const id = made.ok ? made.kase.id : '';
    await vi.waitFor(() => expect(ids()).toContain(id));
    // Its events come with it, in the same read.
    expect(queue.eventsByCase.has(id)).toBe(true);
    // Fixture cases were reported in 2025. The new one has hours left on its 立案 clock.
    expect(queue.clocks.get(id)).toMatchObject({ clock: 'register', status: 'ok' });
    expect(queue.clocks.get(id)!.leftMs).toBeGreaterThan(0);
    // case-1 (立案) and case-3 (处置) ran out long ago; case-2, dispatched, waits for 签收 with no clock.
    expect([...queue.overdueIds].sort()).toEqual(['case-1', 'case-3']);
    expect(queue.clocks.has('case-2')).toBe(false);
    // …but its 签收 clock shows, on its row, long past its hour (the fixture dispatched it in 2025).
    const row = queue.rows.find((r) => r.kase.id === 'case-2');
    expect(row?.acknowledge).toMatchObject({ limitMs: 3_600_000, status: 'overdue' });
    expect(queue.rows.find((r) => r.kase.id === id)?.acknowledge).toBeNull();
    // Least time left first, cases without a running clock last.
    expect(ids()).toEqual(['case-1', 'case-3', id, 'case-2']);
    queue.setFilter('overdueOnly', true);
    expect(ids()).toEqual(['case-1', 'case-3']);
  });

  it('stops the 签收 clock once the officers acknowledge', async () => {
    const queue = useQueueStore();
    await vi.waitFor(() => expect(queue.acknowledgeClocks.has('case-2')).toBe(true));
    await queue.act('case-2', 'acknowledge');
    await vi.waitFor(() => expect(queue.acknowledgeClocks.has('case-2')).toBe(false));
  });

  it('after a write reads again only the events of the case it touched', async () => {
    const queue = useQueueStore();
    await vi.waitFor(() => expect(queue.eventsByCase.size).toBe(3));
    const before = queue.eventsByCase;
    const clocksBefore = queue.clocks;
    expect([...before.keys()].sort()).toEqual(['case-1', 'case-2', 'case-3']);
    await queue.act('case-2', 'acknowledge');
    await vi.waitFor(() => expect(queue.eventsByCase.get('case-2')?.at(-1)?.action.type).toBe('acknowledge'));
    // The other open cases' events are the very lists read before: not read again.
    expect(queue.eventsByCase.get('case-1')).toBe(before.get('case-1'));
    expect(queue.eventsByCase.get('case-3')).toBe(before.get('case-3'));
    // …and, within the minute, their clocks are the ones computed before.
    if (Math.floor(Date.now() / 60_000) === Math.floor(queue.now / 60_000))
      expect(queue.clocks.get('case-1')).toBe(clocksBefore.get('case-1'));
  });

  it('draws a page of rows at a time, always the selected one, and starts again on a new filter', async () => {
    const queue = useQueueStore();
    const many = Array.from({ length: QUEUE_PAGE + 10 }, (_, i) => ({
      draft: { ...DRAFT, description: `第 ${i + 1} 件占道经营` },
      then: [],
    }));
    expect((await createCases(ws.db, many, ws.token, Date.now())).ok).toBe(true);
    const total = QUEUE_PAGE + 13; // and the fixture's three open cases
    await vi.waitFor(() => expect(queue.rows).toHaveLength(total));
    expect(queue.shownRows).toHaveLength(QUEUE_PAGE);
    expect(queue.hiddenRows).toBe(13);
    expect(queue.shownRows).toEqual(queue.rows.slice(0, QUEUE_PAGE));
    // The last row selected (End, or a click on the map): it is drawn, and all above it.
    queue.moveSelection(-1);
    expect(queue.selectedId).toBe(queue.rows.at(-1)!.kase.id);
    expect(queue.shownRows).toHaveLength(total);
    queue.select(queue.rows[0]!.kase.id);
    expect(queue.shownRows).toHaveLength(QUEUE_PAGE);
    queue.showMore();
    expect([queue.shownRows.length, queue.hiddenRows]).toEqual([total, 0]);
    queue.setFilter('source', 'hotline');
    await nextTick();
    expect(queue.shownRows).toHaveLength(Math.min(QUEUE_PAGE, queue.rows.length));
    expect(queue.hiddenRows).toBe(queue.rows.length - QUEUE_PAGE);
  });

  it('moves the keyboard selection through the rows as shown, stopping at the ends', () => {
    const queue = useQueueStore();
    queue.sort = 'newest';
    // Reported 40 h, 30 h and 20 h after the fixture's start.
    expect(ids()).toEqual(['case-1', 'case-3', 'case-2']);
    queue.moveSelection(1);
    expect(queue.selectedId).toBe('case-1');
    queue.moveSelection(5);
    expect(queue.selectedId).toBe('case-2');
    queue.moveSelection(-1);
    expect(queue.selectedId).toBe('case-3');
    queue.openCase('case-2');
    expect([queue.selectedId, queue.openId]).toEqual(['case-2', 'case-2']);
  });

  it('has no clocks before start-up has opened the database (the queue mounts first)', () => {
    setCurrentDb(null);
    setActivePinia(createPinia());
    const queue = useQueueStore();
    expect(queue.eventsByCase.size).toBe(0);
    expect(queue.clocks.size).toBe(0);
  });
});
