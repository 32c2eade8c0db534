import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_GRID_CODES } from '../../shared/schema/test-fixture';
import type { HistoryRow } from '../../shared/history/read-history';
import { openDb } from '../db/database';
import { importCaseHistory } from '../db/history-repo';
import { grantSession } from '../db/sessions';
import { useHistoryStore } from './history';
import { startTestWorkstation, type TestWorkstation } from './test-workstation';

const FILE = { role: 'caseHistory' as const, name: '旧系统.csv', bytes: 10, sha256: 'c'.repeat(64) };
const row = (caseNo: string): HistoryRow => ({
  caseNo,
  sourceText: '',
  matterCode: 'CG-001',
  urgency: 'normal',
  address: '',
  description: '',
  location: null,
  gridCode: FIXTURE_GRID_CODES[0],
  teamId: '',
  reportedAt: Date.UTC(2024, 0, 1),
  status: 'closed',
  handledBy: '',
});

let ws: TestWorkstation;
beforeEach(async () => {
  ws = await startTestWorkstation('leader');
});
afterEach(async () => {
  useHistoryStore().unfollow();
  await ws.close();
});

describe('the history store following the record’s history imports', () => {
  it('goes up a revision when an import is written past it, on its own connection (as the history worker writes)', async () => {
    const history = useHistoryStore();
    history.follow(ws.db);
    await history.load();
    expect((await history.ofGrid(FIXTURE_GRID_CODES[0])).count).toBe(0);
    // Let the live query's first answer in, which is no change.
    await vi.waitFor(() => expect(history.revision).toBe(0));
    const granted = await grantSession(ws.db, ws.token);
    if (!granted.ok) throw new Error(granted.refusal.key);
    const worker = openDb(ws.db.name);
    const written = await importCaseHistory(
      worker,
      granted.grant,
      [row('A-1'), row('A-2')],
      FILE,
      Date.now(),
    );
    worker.close();
    expect(written.ok).toBe(true);
    await vi.waitFor(() => expect(history.revision).toBe(1));
    await vi.waitFor(() => expect(history.countsByGrid.get(FIXTURE_GRID_CODES[0])).toBe(2));
    expect((await history.ofGrid(FIXTURE_GRID_CODES[0])).count).toBe(2);
  });
});
