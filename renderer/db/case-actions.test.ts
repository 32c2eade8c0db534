import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { createCase, createCases, runCaseActions, type NewCaseDraft } from './case-actions';
import { checkStoredRecordHealth, listCaseEvents, readChainHead, verifyStoredRecord } from './record-repo';
import { FIXTURE_GRID_CODES, makeFixtureDataset } from '../../shared/schema/test-fixture';
import { closeSession, type SessionToken } from './sessions';
import { addAccount, signInAs } from './test-accounts';
import { saveSettings } from './settings-repo';
import { DEFAULT_CENTRE_SETTINGS } from '../../shared/settings/centre-settings';

let db: GridDeskDb;
let serial = 0;
const fixture = makeFixtureDataset();
const NOW = Date.UTC(2025, 5, 20, 2, 0);
/** Session tokens of the operator, the leader, the wall (viewer) and an operator disabled since. */
let op: SessionToken;
let lead: SessionToken;
let wall: SessionToken;
let gone: SessionToken;

beforeEach(async () => {
  db = new GridDeskDb(`case-actions-test-${serial++}`);
  await replaceDataset(db, fixture);
  await addAccount(db, 'op', 'operator');
  await addAccount(db, 'lead', 'leader');
  await addAccount(db, 'wall', 'viewer');
  await addAccount(db, 'gone', 'operator');
  [op, lead, wall, gone] = await Promise.all([
    signInAs(db, 'op'),
    signInAs(db, 'lead'),
    signInAs(db, 'wall'),
    signInAs(db, 'gone'),
  ]);
  await db.accounts.update('gone', { disabled: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const DRAFT: NewCaseDraft = {
  source: 'hotline',
  matterCode: fixture.matters[0]!.code,
  urgency: 'normal',
  description: '门前占道经营',
  address: '新安街道 8 号',
  location: fixture.cases[0]!.location,
  gridCode: FIXTURE_GRID_CODES[0],
  teamId: 'team-1',
  externalRef: 'GD-2025-0001',
};
const DISPATCH = { type: 'dispatch', payload: { teamId: 'team-1', officerIds: ['off-1', 'off-2'] } } as const;

describe('the record built with the dataset', () => {
  it('holds every fixture case’s history, chained and verified against the stored head', async () => {
    const head = await readChainHead(db);
    expect(head.count).toBe(await db.events.count());
    expect(await db.caseLoops.count()).toBe(fixture.cases.length);
    const { result } = await verifyStoredRecord(db);
    expect(result).toEqual({ ok: true });
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
  });
});

describe('createCase', () => {
  it('reports, registers and dispatches a hotline case in one step, with the account in every event', async () => {
    const before = await readChainHead(db);
    const result = await createCase(db, DRAFT, [{ type: 'register', payload: {} }, DISPATCH], op, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kase.stage).toBe('dispatched');
    expect(result.kase.officerIds).toEqual(['off-1', 'off-2']);
    // The fixture holds cases 2025-000001 to 2025-000005; numbering continues after them.
    expect(result.kase.caseNo).toBe('2025-000006');
    expect(result.kase.id).toMatch(/^[0-9a-hjkmnp-tv-z]{10}-2025-000006$/);
    const stored = await db.cases.get(result.kase.id);
    expect(stored?.stage).toBe('dispatched');
    expect((await db.caseLoops.get(result.kase.id))?.state.dispatch?.teamId).toBe('team-1');
    const events = await listCaseEvents(db, result.kase.id);
    expect(events.map((e) => e.action.type)).toEqual(['report', 'register', 'dispatch']);
    expect(events.map((e) => e.actor.id)).toEqual(['op', 'op', 'op']);
    // Case and events carry this workstation's id, the events their chain positions.
    expect(events.map((e) => e.id)).toEqual(events.map((e) => `${result.kase.id.slice(0, 10)}-${e.seq}`));
    expect(events[0]?.seq).toBe(before.count + 1);
    expect((await readChainHead(db)).count).toBe(before.count + 3);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('numbers the next case after the last one of the year', async () => {
    const a = await createCase(db, DRAFT, [], op, NOW);
    const b = await createCase(db, DRAFT, [], op, NOW + 1000);
    expect(a.ok && b.ok && [a.kase.caseNo, b.kase.caseNo]).toEqual(['2025-000006', '2025-000007']);
  });

  it('stores nothing when a follow-up action is refused, and says which one', async () => {
    const before = await db.events.count();
    const cases = await db.cases.count();
    const result = await createCase(db, DRAFT, [DISPATCH], op, NOW);
    expect(result).toEqual({
      ok: false,
      reason: { key: 'loop.notAllowedInStage', params: { stage: 'reported', action: 'dispatch' } },
      actionIndex: 0,
    });
    expect(await db.events.count()).toBe(before);
    expect(await db.cases.count()).toBe(cases);
  });

  it('refuses an account id passed as a token, a signed-out token and a disabled account’s token', async () => {
    const cases = await db.cases.count();
    expect(await createCase(db, DRAFT, [], 'op' as SessionToken, NOW)).toMatchObject({
      reason: { key: 'auth.notSignedIn' },
    });
    expect(await createCase(db, DRAFT, [], gone, NOW)).toMatchObject({ reason: { key: 'auth.disabled' } });
    closeSession(op);
    expect(await createCase(db, DRAFT, [], op, NOW)).toMatchObject({ reason: { key: 'auth.notSignedIn' } });
    expect(await db.cases.count()).toBe(cases);
  });

  it('lets the display wall (viewer) report nothing, not even a bare report, nor act on a case', async () => {
    const before = { cases: await db.cases.count(), events: await db.events.count() };
    expect(await createCase(db, DRAFT, [], wall, NOW)).toEqual({
      ok: false,
      reason: { key: 'loop.roleForbidden', params: { role: 'viewer', action: 'report' } },
    });
    expect({ cases: await db.cases.count(), events: await db.events.count() }).toEqual(before);
    const created = await createCase(db, DRAFT, [], lead, NOW);
    if (!created.ok) throw new Error('create failed');
    const byWall = await runCaseActions(db, created.kase.id, [{ type: 'register', payload: {} }], wall, NOW);
    expect(byWall).toMatchObject({ ok: false, reason: { key: 'loop.roleForbidden' } });
  });

  it('refuses an account disabled between planning the change and writing it', async () => {
    const events = await db.events.count();
    // Another window disables the operator just before the write transaction starts.
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let disabled = false;
    vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (args[0] !== 'rw' || disabled) return transaction(...args);
      disabled = true;
      return db.accounts.update('op', { disabled: true }).then(() => transaction(...args));
    }) as unknown as typeof db.transaction);
    expect(await createCase(db, DRAFT, [], op, NOW)).toMatchObject({
      ok: false,
      reason: { key: 'auth.disabled' },
    });
    expect(disabled).toBe(true);
    expect(await db.events.count()).toBe(events);
  });

  it('records attachments as added by the signed-in account, whatever the caller wrote', async () => {
    const attachment = {
      id: 'att-1',
      caseId: 'new',
      name: 'photo.jpg',
      type: 'image/jpeg',
      size: 2,
      blob: new Blob([new Uint8Array([1, 2])]),
      thumbnail: null,
      addedAt: NOW,
      addedBy: 'lead',
    };
    const note = { type: 'note', payload: { text: '', attachmentIds: ['att-1'] } } as const;
    const created = await createCase(db, DRAFT, [note], op, NOW, { attachments: [attachment] });
    expect(created.ok).toBe(true);
    expect((await db.attachments.get('att-1'))?.addedBy).toBe('op');
  });
});

describe('createCases (an import)', () => {
  it('creates every case with its own number and the call time as report time, in one step', async () => {
    const calledAt = NOW - 5 * 3_600_000;
    const result = await createCases(
      db,
      [
        { draft: { ...DRAFT, reportedAt: calledAt }, then: [{ type: 'register', payload: {} }] },
        { draft: { ...DRAFT, externalRef: 'GD-2025-0002' }, then: [] },
      ],
      op,
      NOW,
    );
    expect(result.ok && result.cases.map((c) => [c.caseNo, c.stage, c.reportedAt])).toEqual([
      ['2025-000006', 'registered', calledAt],
      ['2025-000007', 'reported', NOW],
    ]);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('refuses an import by the display wall (viewer), storing none of its cases', async () => {
    const result = await createCases(
      db,
      [
        { draft: DRAFT, then: [] },
        { draft: DRAFT, then: [] },
      ],
      wall,
      NOW,
    );
    expect(result).toMatchObject({
      ok: false,
      reason: { key: 'loop.roleForbidden', params: { action: 'report' } },
    });
    expect(await db.cases.where('caseNo').above('2025-000005').count()).toBe(0);
  });

  it('stores nothing at all when one item is refused, and names the item and action', async () => {
    const events = await db.events.count();
    const result = await createCases(
      db,
      [
        { draft: DRAFT, then: [] },
        { draft: DRAFT, then: [{ type: 'evaluate', payload: { satisfaction: 5 } }] },
      ],
      op,
      NOW,
    );
    expect(result).toMatchObject({
      ok: false,
      reason: { key: 'loop.notAllowedInStage' },
      itemIndex: 1,
      actionIndex: 0,
    });
    expect(await db.events.count()).toBe(events);
    expect(await db.cases.where('caseNo').above('2025-000005').count()).toBe(0);
  });
});

describe('runCaseActions', () => {
  it('lets only the leader void, and records the reason', async () => {
    const created = await createCase(db, DRAFT, [], op, NOW);
    if (!created.ok) throw new Error('create failed');
    const id = created.kase.id;
    const voidIt = { type: 'void', payload: { reason: '重复工单' } } as const;
    expect(await runCaseActions(db, id, [voidIt], op, NOW + 1)).toMatchObject({
      ok: false,
      reason: { key: 'loop.roleForbidden' },
    });
    const byLeader = await runCaseActions(db, id, [voidIt], lead, NOW + 2);
    expect(byLeader.ok && byLeader.kase.stage).toBe('voided');
    const events = await listCaseEvents(db, id);
    expect(events.at(-1)?.action).toEqual(voidIt);
    expect(events.at(-1)?.actor).toEqual({ id: 'lead', role: 'leader', name: 'leader lead' });
  });

  it('moves the case to another grid and team when the operator overrides the assignment', async () => {
    const created = await createCase(db, DRAFT, [], op, NOW);
    if (!created.ok) throw new Error('create failed');
    const reassign = {
      type: 'reassign',
      payload: { gridCode: FIXTURE_GRID_CODES[2], teamId: 'team-1', reason: '实际位于对面网格' },
    } as const;
    const result = await runCaseActions(db, created.kase.id, [reassign], op, NOW + 5);
    expect(result.ok).toBe(true);
    expect((await db.cases.get(created.kase.id))?.gridCode).toBe(FIXTURE_GRID_CODES[2]);
  });

  it('keeps one unbroken chain when two actions race on the same record', async () => {
    const a = await createCase(db, DRAFT, [], op, NOW);
    const b = await createCase(db, DRAFT, [], op, NOW + 1);
    if (!a.ok || !b.ok) throw new Error('create failed');
    const register = [{ type: 'register', payload: {} }] as const;
    const results = await Promise.all([
      runCaseActions(db, a.kase.id, register, op, NOW + 10),
      runCaseActions(db, b.kase.id, register, op, NOW + 11),
      runCaseActions(db, a.kase.id, register, op, NOW + 12),
    ]);
    // Case a can be registered once; the second try sees it registered and is refused by the loop.
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results[2]).toMatchObject({ ok: false, reason: { key: 'loop.notAllowedInStage' } });
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });
});

describe('verifyStoredRecord', () => {
  it('names an edited event, a deleted newest event, and a removed middle event', async () => {
    const head = await readChainHead(db);
    const middle = await db.events.get(3);
    await db.events.put({ ...middle!, at: middle!.at + 60_000 });
    expect((await verifyStoredRecord(db)).result).toMatchObject({ ok: false, kind: 'edited', seq: 3 });
    await db.events.put(middle!);
    await db.events.delete(head.count);
    expect((await verifyStoredRecord(db)).result).toMatchObject({
      ok: false,
      kind: 'truncated',
      expectedCount: head.count,
      actualCount: head.count - 1,
    });
    await db.events.delete(2);
    expect((await verifyStoredRecord(db)).result).toMatchObject({ ok: false, kind: 'removed', seq: 2 });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { result } = await verifyStoredRecord(db, { signal: controller.signal, progressEvery: 1 });
    expect(result).toEqual({ ok: false, kind: 'cancelled', key: 'record.cancelled' });
  });
});

describe('the evidence each step carries, by the stored rules', () => {
  const photo = (id: string, caseId: string) => ({
    id,
    caseId,
    name: `${id}.jpg`,
    type: 'image/jpeg',
    size: 3,
    blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
    thumbnail: null,
    addedAt: NOW,
    addedBy: 'op',
  });
  const CHECKER = {
    kind: 'gridWorker',
    id: fixture.gridWorkers[0]!.id,
    name: fixture.gridWorkers[0]!.name,
  } as const;

  async function handling(): Promise<string> {
    const made = await createCase(db, DRAFT, [{ type: 'register', payload: {} }, DISPATCH], op, NOW);
    if (!made.ok) throw new Error(made.reason.key);
    const id = made.kase.id;
    const run = await runCaseActions(
      db,
      id,
      [
        { type: 'acknowledge', payload: {} },
        { type: 'startHandling', payload: {} },
      ],
      op,
      NOW + 1000,
    );
    if (!run.ok) throw new Error(run.reason.key);
    return id;
  }

  it('refuses feedback without the photos the matter needs, and a check recorded by the same account', async () => {
    const id = await handling();
    const feedback = { type: 'submitFeedback', payload: { note: '已清理' } } as const;
    expect(await runCaseActions(db, id, [feedback], op, NOW + 2000)).toMatchObject({
      ok: false,
      reason: { key: 'evidence.feedbackPhotos', params: { required: 1, given: 0 } },
    });
    const withPhoto = {
      type: 'submitFeedback',
      payload: { note: '已清理', attachmentIds: ['p-1'] },
    } as const;
    const fed = await runCaseActions(db, id, [withPhoto], op, NOW + 2000, {
      attachments: [photo('p-1', id)],
    });
    expect(fed.ok).toBe(true);
    const pass = { type: 'verifyPass', payload: { checker: CHECKER } } as const;
    expect(await runCaseActions(db, id, [pass], op, NOW + 3000)).toMatchObject({
      ok: false,
      reason: { key: 'evidence.sameAccount' },
    });
    const verified = await runCaseActions(db, id, [pass], lead, NOW + 3000);
    expect(verified.ok).toBe(true);
    expect(await runCaseActions(db, id, [{ type: 'close', payload: {} }], op, NOW + 4000)).toMatchObject({
      ok: false,
      reason: { key: 'evidence.closeSummary' },
    });
    const closed = await runCaseActions(
      db,
      id,
      [{ type: 'close', payload: { summary: '已恢复' } }],
      op,
      NOW + 4000,
    );
    expect(closed.ok && closed.kase.stage).toBe('closed');
    const events = await listCaseEvents(db, id);
    expect(events.find((e) => e.action.type === 'verifyPass')?.action.payload).toEqual({ checker: CHECKER });
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('takes the rules from the centre’s stored settings: a matter set to no photos needs none', async () => {
    const code = DRAFT.matterCode;
    const saved = await saveSettings(
      db,
      {
        ...DEFAULT_CENTRE_SETTINGS,
        evidence: {
          ...DEFAULT_CENTRE_SETTINGS.evidence,
          separateVerifier: false,
          byMatter: { [code]: { feedbackPhotos: 0, verifyPhotos: 0 } },
        },
      },
      lead,
    );
    expect(saved.ok).toBe(true);
    const id = await handling();
    const run = await runCaseActions(
      db,
      id,
      [
        { type: 'submitFeedback', payload: { note: '已清理' } },
        { type: 'verifyPass', payload: { checker: CHECKER } },
      ],
      op,
      NOW + 2000,
    );
    expect(run.ok && run.kase.stage).toBe('verified');
  });
});
