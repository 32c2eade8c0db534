import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { parseBackup, type BackupFile } from '../../shared/backup/backup';
import { openDb, type GridDeskDb } from './database';
import { exportBackup, restoreBackup } from './backup-repo';
import { appendDataEvent, listDataEvents, readLastImport } from './imports-repo';
import { acknowledgeGeofenceAlert, listAcknowledgements, listGeofenceAlerts } from './geofence-repo';
import { recordPositionReports } from './positions-repo';
import type { DataAction } from '../../shared/cases/data-events';
import { readChainHead, verifyStoredRecord } from './record-repo';
import { loadSettings } from './settings-repo';
import { loadDataset } from './dataset-repo';
import { sessionAccount } from './sessions';
import { entrySizes, makeWorkstation, travelledBackup, type Workstation } from './test-backup';

const NOW = Date.UTC(2025, 5, 20, 2, 0);
const EARLIER = Date.UTC(2024, 11, 2, 2, 0);
const plain = makeFixtureDataset();
/** The first officer carries a phone the positions are reported by (设备号). */
const fixture = {
  ...plain,
  officers: plain.officers.map((o, k) => (k === 0 ? { ...o, deviceId: '861234050000007' } : o)),
};
/** Another centre's data: another township name, its own accounts, case, photo and settings. */
const otherDataset = { ...fixture, township: { ...fixture.township, name: '旧城街道' } };

let home: Workstation;
let away: Workstation;

beforeEach(async () => {
  home = await makeWorkstation(openDb(`backup-${Math.random()}`), fixture, { now: NOW, distanceM: 150 });
  away = await makeWorkstation(openDb(`restore-${Math.random()}`), otherDataset, {
    prefix: 'old-',
    now: EARLIER,
    distanceM: 80,
  });
});
afterEach(async () => {
  await home.db.delete();
  await away.db.delete();
});

async function checkedBackup(): Promise<{ backup: BackupFile; files: ReadonlyMap<string, Uint8Array> }> {
  const { json, files } = await travelledBackup(home, NOW);
  const parsed = await parseBackup(json, 'backup.zip', entrySizes(files));
  if (!parsed.ok) throw new Error(`backup refused: ${parsed.problems.map((p) => p.key).join(', ')}`);
  return { backup: parsed.backup, files };
}

/** Everything a restore replaces, as stored in `db` now. */
async function everything(db: GridDeskDb) {
  return {
    township: (await loadDataset(db))?.township.name,
    deviceIds: (await loadDataset(db))?.officers.map((o) => o.deviceId ?? null),
    cases: (await db.cases.toArray()).map((c) => [c.id, c.description, c.stage]),
    loops: await db.caseLoops.toArray(),
    events: await db.events.toArray(),
    head: await readChainHead(db),
    accounts: await db.accounts.toArray(),
    attachments: (await db.attachments.toArray()).map((a) => [a.id, a.caseId, a.addedBy]),
    settings: await loadSettings(db),
  };
}

describe('restoring a backup over another centre’s data', () => {
  it('replaces every case, event, loop state, account, photo and setting, and nothing of the old stays', async () => {
    const { backup, files } = await checkedBackup();
    const before = await everything(away.db);
    expect(before.cases.map(([id]) => id)).toContain(away.caseId);
    expect(before.attachments).toEqual([['old-att', away.caseId, 'old-op']]);

    expect(await restoreBackup(away.db, away.lead, backup, files)).toEqual({ ok: true });

    const after = await everything(away.db);
    expect(after).toEqual(await everything(home.db));
    expect(after.township).toBe(fixture.township.name);
    expect(after.deviceIds?.[0]).toBe('861234050000007');
    expect(after.cases.map(([id]) => id)).not.toContain(away.caseId);
    expect(after.loops.map((l) => l.caseId)).not.toContain(away.caseId);
    expect(
      after.events.some((e) => ('caseId' in e && e.caseId === away.caseId) || e.actor.id.startsWith('old-')),
    ).toBe(false);
    expect(after.accounts.map((a) => a.id).sort()).toEqual(['lead', 'op']);
    expect(after.attachments).toEqual([['att', home.caseId, 'op']]);
    expect(after.settings.duplicates.maxDistanceM).toBe(150);
    const photo = await away.db.attachments.get('att');
    expect([...new Uint8Array(await photo!.blob.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    expect((await verifyStoredRecord(away.db)).result).toEqual({ ok: true });
  });

  it('carries the imports recorded in the record, listed again, with no undo offered', async () => {
    const action: DataAction = {
      type: 'dataImport',
      payload: {
        kind: 'centreSetUp',
        files: [{ role: 'grids', name: '网格.zip', bytes: 1024, sha256: 'c'.repeat(64) }],
        counts: {
          grids: 3,
          patrolAreas: 1,
          communities: 1,
          teams: 1,
          officers: 2,
          gridWorkers: 0,
          matters: 4,
          departments: 0,
        },
        movedCases: 0,
      },
    };
    await home.db.transaction('rw', home.db.meta, home.db.events, async () => {
      await appendDataEvent(
        home.db,
        await readChainHead(home.db),
        { id: 'lead', role: 'leader' },
        action,
        NOW,
      );
    });
    // The centre restored over had an import it could undo: what it would undo is gone with it.
    await away.db.meta.put({
      key: 'lastImport',
      value: { eventId: 'x', seq: 1, kind: 'centreSetUp', at: NOW },
    });
    expect(await readLastImport(away.db)).toBeDefined();
    const { backup, files } = await checkedBackup();
    expect(backup.events.filter((e) => !('caseId' in e))).toHaveLength(1);
    expect(await restoreBackup(away.db, away.lead, backup, files)).toEqual({ ok: true });
    expect(await listDataEvents(away.db)).toEqual(await listDataEvents(home.db));
    expect((await listDataEvents(away.db))[0]?.action).toEqual(action);
    expect(await readLastImport(away.db)).toBeUndefined();
    expect((await verifyStoredRecord(away.db)).result).toEqual({ ok: true });
  });

  it('carries the acknowledgements of geofence alerts in the record; the alerts themselves start afresh', async () => {
    const officerId = fixture.officers[0]!.id;
    const far = (at: number) => ({ officerId, position: [118.36, 34.355] as const, at });
    await recordPositionReports(home.db, [far(NOW - 12 * 60_000), far(NOW)], NOW);
    const [alert] = await listGeofenceAlerts(home.db);
    const done = await acknowledgeGeofenceAlert(home.db, home.op, alert!.id, NOW);
    expect(done.ok).toBe(true);
    await recordPositionReports(away.db, [far(EARLIER - 12 * 60_000), far(EARLIER)], EARLIER);
    expect(await listGeofenceAlerts(away.db)).toHaveLength(1);

    const { backup, files } = await checkedBackup();
    expect(await restoreBackup(away.db, away.lead, backup, files)).toEqual({ ok: true });
    expect(await listAcknowledgements(away.db)).toEqual(await listAcknowledgements(home.db));
    expect((await listAcknowledgements(away.db))[0]?.action).toMatchObject({
      type: 'geofenceAcknowledge',
      payload: { alertId: alert!.id, officerId },
    });
    expect(await listGeofenceAlerts(away.db)).toEqual([]);
    expect(await away.db.geofenceWatches.count()).toBe(0);
    expect((await verifyStoredRecord(away.db)).result).toEqual({ ok: true });
  });

  it('ends the sessions of the accounts it replaced', async () => {
    const { backup, files } = await checkedBackup();
    await restoreBackup(away.db, away.lead, backup, files);
    expect(await sessionAccount(away.db, away.lead)).toMatchObject({
      ok: false,
      refusal: { key: 'auth.notSignedIn' },
    });
    expect(await sessionAccount(away.db, away.op)).toMatchObject({ ok: false });
  });

  it('is refused to an operator, changing nothing', async () => {
    const { backup, files } = await checkedBackup();
    const before = await everything(away.db);
    expect(await restoreBackup(away.db, away.op, backup, files)).toEqual({
      ok: false,
      refusal: { key: 'backup.leaderOnly', params: {} },
    });
    expect(await everything(away.db)).toEqual(before);
  });

  it('is refused for a backup without an enabled shift leader, even one that skipped the checks', async () => {
    const { backup, files } = await checkedBackup();
    const leaderless: BackupFile = {
      ...backup,
      accounts: backup.accounts.map((a) => (a.role === 'leader' ? { ...a, disabled: true } : a)),
    };
    const before = await everything(away.db);
    expect(await restoreBackup(away.db, away.lead, leaderless, files)).toMatchObject({
      ok: false,
      refusal: { key: 'backup.noLeader' },
    });
    expect(await everything(away.db)).toEqual(before);
  });
});

describe('exporting a backup', () => {
  it('is for a shift leader only, and names the leader who made it', async () => {
    expect(await exportBackup(home.db, home.op, NOW)).toEqual({
      ok: false,
      refusal: { key: 'backup.leaderOnly', params: {} },
    });
    const made = await exportBackup(home.db, home.lead, NOW);
    expect(made.ok && made.backup.createdBy).toBe('带班领导 陈刚');
    expect(made.ok && made.backup.chainHead).toEqual(await readChainHead(home.db));
  });
});
