// The history worker's service (renderer/history/history-service.ts) run in Node over fake-indexeddb:
// a file is read, checked and written into the centre's database from where it was read, as the
// leader the UI thread granted; the write is refused for anyone else, re-checked in its transaction.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import type { ImportedFile } from '../../shared/cases/data-events';
import { openDb, type GridDeskDb } from '../db/database';
import { replaceDataset } from '../db/dataset-repo';
import { listDataEvents } from '../db/imports-repo';
import { addAccount, signInAs } from '../db/test-accounts';
import { grantSession, type SessionGrant } from '../db/sessions';
import { createHistoryService, type HistoryCentre, type HistoryWriteProgress } from './history-service';

const fixture = makeFixtureDataset();
const [gridA, gridB] = fixture.grids;
const matter = fixture.matters[0]!;
const NOW = Date.UTC(2026, 11, 2, 6, 0);

/** A CSV whose headers no guess knows: 单号, 日期, 类目, 片格. */
function csv(n: number): Blob {
  const lines = ['单号,日期,类目,片格'];
  for (let i = 1; i <= n; i++)
    lines.push(
      `OLD-${i},2024-03-${String((i % 28) + 1).padStart(2, '0')} 08:30,${matter.code},${
        i % 2 === 0 ? gridA!.code : gridB!.code
      }`,
    );
  return new Blob([lines.join('\r\n')], { type: 'text/csv' });
}
const MAPPING = { caseNo: 0, reportedAt: 1, matterCode: 2, gridCode: 3 } as const;

let db: GridDeskDb;
let centre: HistoryCentre;
const file = (bytes: number): ImportedFile => ({
  role: 'caseHistory',
  name: '旧系统.csv',
  bytes,
  sha256: 'b'.repeat(64),
});

async function grantFor(username: string): Promise<SessionGrant> {
  const granted = await grantSession(db, await signInAs(db, username));
  if (!granted.ok) throw new Error(granted.refusal.key);
  return granted.grant;
}

beforeEach(async () => {
  db = openDb(`history-worker-${Math.random()}`);
  await replaceDataset(db, fixture);
  await addAccount(db, 'lead', 'leader');
  await addAccount(db, 'op', 'operator');
  centre = {
    matters: fixture.matters,
    grids: fixture.grids,
    patrolAreas: fixture.patrolAreas,
    zoneOffsetMs: 8 * 3_600_000,
    dbName: db.name,
  };
});
afterEach(async () => {
  await db.delete();
});

describe('the history worker’s write', () => {
  it('writes every checked row, as mapped by hand, with its 导入 event, telling the rows written', async () => {
    const service = createHistoryService();
    const blob = csv(4500);
    expect((await service.read(blob, '旧系统.csv')).ok).toBe(true);
    const preview = await service.check(MAPPING, 'wgs84', centre);
    expect(preview).toMatchObject({ rows: 4500, accepted: 4500, errors: 0 });
    const reports: HistoryWriteProgress[] = [];
    const written = await service.write(db.name, await grantFor('lead'), file(blob.size), NOW, (p) =>
      reports.push(p),
    );
    expect(written).toMatchObject({ ok: true, written: 4500 });
    expect(await db.historyCases.count()).toBe(4500);
    expect((await db.historyCases.get('OLD-2'))?.gridCode).toBe(gridA!.code);
    expect(reports[0]).toEqual({ done: 0, total: 4500 });
    expect(reports.at(-1)).toEqual({ done: 4500, total: 4500 });
    const [event] = await listDataEvents(db);
    expect(event?.action).toMatchObject({
      type: 'dataImport',
      payload: { kind: 'caseHistory', counts: { historyCases: 4500 } },
    });
    // Written, the rows are gone from the worker: a second write has nothing to write.
    await expect(service.write(db.name, await grantFor('lead'), file(blob.size), NOW)).rejects.toThrow(
      /nothing checked/,
    );
  });

  it('refuses an operator’s grant and writes nothing', async () => {
    const service = createHistoryService();
    await service.read(csv(3), '旧系统.csv');
    await service.check(MAPPING, 'wgs84', centre);
    const written = await service.write(db.name, await grantFor('op'), file(100), NOW);
    expect(written).toEqual({ ok: false, refusal: { key: 'centres.leaderOnly', params: {} } });
    expect(await db.historyCases.count()).toBe(0);
    expect(await listDataEvents(db)).toEqual([]);
  });

  it('reads the leader again in the write: one disabled after the grant is refused', async () => {
    const service = createHistoryService();
    await service.read(csv(3), '旧系统.csv');
    await service.check(MAPPING, 'wgs84', centre);
    const grant = await grantFor('lead');
    await db.accounts.update('lead', { disabled: true });
    const written = await service.write(db.name, grant, file(100), NOW);
    expect(written.ok).toBe(false);
    expect(written.ok ? '' : written.refusal.key).toBe('auth.disabled');
    expect(await db.historyCases.count()).toBe(0);
  });

  it('checks against the history already stored in the centre’s database', async () => {
    const first = createHistoryService();
    await first.read(csv(3), '旧系统.csv');
    await first.check(MAPPING, 'wgs84', centre);
    await first.write(db.name, await grantFor('lead'), file(100), NOW);
    const again = createHistoryService();
    await again.read(csv(3), '旧系统.csv');
    const preview = await again.check(MAPPING, 'wgs84', centre);
    expect(preview.accepted).toBe(0);
    expect(preview.problems.map((p) => p.key)).toEqual(Array(3).fill('history.caseNoExists'));
  });

  it('refuses a mapping the shared check refuses (one column for two fields)', async () => {
    const service = createHistoryService();
    await service.read(csv(3), '旧系统.csv');
    await expect(service.check({ ...MAPPING, closedAt: 1 }, 'wgs84', centre)).rejects.toThrow(/columnTwice/);
  });
});
