import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_GRID_CODES } from '../../shared/schema/test-fixture';
import { runCaseActions } from '../db/case-actions';
import { useCasesStore } from './cases';
import { startTestWorkstation, type TestWorkstation } from './test-workstation';

let ws: TestWorkstation;
beforeEach(async () => {
  ws = await startTestWorkstation('operator');
});
afterEach(async () => {
  await ws.close();
});

describe('the cases store following the local database', () => {
  it('holds the open cases with their loop state, counted by stage and by grid', () => {
    const cases = useCasesStore();
    expect(cases.openCases.map((c) => c.id).sort()).toEqual(['case-1', 'case-2', 'case-3']);
    expect(cases.loops.get('case-2')?.stage).toBe('dispatched');
    expect(cases.countsByStage.reported).toBe(1);
    expect(cases.countsByStage.closed).toBe(0);
    expect(cases.openCountByGrid.get(FIXTURE_GRID_CODES[0])).toBe(1);
    expect(cases.openCountByGrid.get(FIXTURE_GRID_CODES[3])).toBeUndefined();
  });

  it('follows a write made past the store: a case not taken on (不予立案) leaves the open cases', async () => {
    const cases = useCasesStore();
    const result = await runCaseActions(
      ws.db,
      'case-1',
      [{ type: 'reject', payload: { reason: '不属于受理范围' } }],
      ws.token,
      Date.now(),
    );
    expect(result).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(cases.caseById.has('case-1')).toBe(false));
    expect(cases.countsByStage.reported).toBe(0);
    expect(cases.openCases).toHaveLength(2);
  });

  it('stops following once unfollowed', async () => {
    const cases = useCasesStore();
    cases.unfollow();
    await runCaseActions(ws.db, 'case-1', [{ type: 'register', payload: {} }], ws.token, Date.now());
    expect((await ws.db.cases.get('case-1'))?.stage).toBe('registered');
    await cases.load(ws.db);
    expect(cases.caseById.get('case-1')?.stage).toBe('registered');
  });
});
