// The commit of a set-up from the worker that built it (geo-import-service.ts commitCentre): the
// dataset never crosses to the UI thread; the worker opens the centre's database by name and writes it
// in one transaction as the leader the window's session was granted for (sessions.ts grantSession).
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../../renderer/db/dataset-repo';
import { listDataEvents, readLastImport } from '../../../../renderer/db/imports-repo';
import { verifyStoredRecord } from '../../../../renderer/db/record-repo';
import { closeSession, grantSession } from '../../../../renderer/db/sessions';
import { addAccount, signInAs } from '../../../../renderer/db/test-accounts';
import type { CentreCommitProgress } from '../../../../renderer/geo-import/geo-import-service';
import { builtChenghu, centreFixture, newChenghuCentre, SET_UP_NOW } from './set-up-fixtures';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const BOUNDARY = { role: 'boundary', name: '边界.zip', bytes: 1234, sha256: 'c'.repeat(64) } as const;

let drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops) await drop();
  drops = [];
});

async function centre() {
  const made = await newChenghuCentre();
  drops.push(made.drop);
  return made;
}

async function grant(...args: Parameters<typeof grantSession>) {
  const granted = await grantSession(...args);
  if (!granted.ok) throw new Error(granted.refusal.key);
  return granted.grant;
}

describe('a set-up written by the worker that built it', () => {
  it('stores the grids, records the import with every file’s digest, and offers its undo', async () => {
    const { db, leader } = await centre();
    const { service, built } = await builtChenghu();
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    // What crosses to the UI thread is the report, not the dataset.
    expect(built).not.toHaveProperty('dataset');
    expect(built.counts.grids).toBe(86);
    const seen: CentreCommitProgress[] = [];
    const written = await service.commitCentre(
      db.name,
      await grant(db, leader),
      [BOUNDARY],
      SET_UP_NOW + 60_000,
      (p) => seen.push(p),
    );
    expect(written).toEqual({ ok: true, eventSeq: 1 });
    expect(seen[0]).toEqual({ done: 0, total: 86 });
    expect(seen.at(-1)).toEqual({ done: 86, total: 86 });

    const stored = await loadDataset(db);
    expect(stored?.grids).toHaveLength(86);
    expect(stored?.township.name).toBe('澄湖镇');
    const [event] = await listDataEvents(db);
    expect(event).toMatchObject({
      seq: 1,
      at: SET_UP_NOW + 60_000,
      actor: { role: 'leader', name: '陈刚' },
      action: { type: 'dataImport', payload: { kind: 'centreSetUp', counts: { grids: 86 } } },
    });
    const files = event?.action.type === 'dataImport' ? event.action.payload.files : [];
    expect(files.map((f) => [f.role, f.name, f.sha256])).toEqual([
      ['grids', 'chenghu-grids-gk40.zip', sha256(centreFixture('chenghu-grids-gk40.zip'))],
      ['teams', 'teams.xlsx', sha256(centreFixture('teams.xlsx'))],
      ['officers', 'officers.xlsx', sha256(centreFixture('officers.xlsx'))],
      ['boundary', '边界.zip', 'c'.repeat(64)],
    ]);
    expect(await readLastImport(db)).toMatchObject({ seq: 1, kind: 'centreSetUp', at: SET_UP_NOW + 60_000 });
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('refuses an operator’s grant and writes nothing; the build stays for the leader', async () => {
    const { db, leader } = await centre();
    await addAccount(db, 'op', 'operator');
    const op = await signInAs(db, 'op');
    const { service } = await builtChenghu();
    expect(await service.commitCentre(db.name, await grant(db, op), [], SET_UP_NOW)).toEqual({
      ok: false,
      refusal: { key: 'centres.leaderOnly', params: {} },
    });
    expect(await db.grids.count()).toBe(0);
    expect(await listDataEvents(db)).toEqual([]);
    expect((await service.commitCentre(db.name, await grant(db, leader), [], SET_UP_NOW)).ok).toBe(true);
    expect(await db.grids.count()).toBe(86);
  });

  it('checks the leader’s stored account inside the write: disabled since the grant, it is refused', async () => {
    const { db, leader } = await centre();
    const { service } = await builtChenghu();
    const granted = await grant(db, leader);
    await db.accounts.toCollection().modify({ disabled: true });
    expect(await service.commitCentre(db.name, granted, [], SET_UP_NOW)).toEqual({
      ok: false,
      refusal: { key: 'auth.disabled', params: { username: 'chen.gang' } },
    });
    expect(await db.grids.count()).toBe(0);
  });

  it('grants no closed session, and a grant opens no other centre', async () => {
    const { db, leader } = await centre();
    const other = await centre();
    const { service } = await builtChenghu();
    const granted = await grant(db, leader);
    expect(await service.commitCentre(other.db.name, granted, [], SET_UP_NOW)).toEqual({
      ok: false,
      refusal: { key: 'auth.notSignedIn', params: {} },
    });
    expect(await other.db.grids.count()).toBe(0);
    closeSession(leader);
    expect(await grantSession(db, leader)).toEqual({
      ok: false,
      refusal: { key: 'auth.notSignedIn', params: {} },
    });
  });

  it('writes all or nothing: a centre set up meanwhile is refused and keeps what it has', async () => {
    const { db, leader } = await centre();
    const first = await builtChenghu();
    const second = await builtChenghu();
    expect((await first.service.commitCentre(db.name, await grant(db, leader), [], SET_UP_NOW)).ok).toBe(
      true,
    );
    const before = await loadDataset(db);
    expect(await second.service.commitCentre(db.name, await grant(db, leader), [], SET_UP_NOW + 1)).toEqual({
      ok: false,
      refusal: { key: 'centres.notEmpty', params: {} },
    });
    expect(await loadDataset(db)).toEqual(before);
    expect(await listDataEvents(db)).toHaveLength(1);
  });

  it('has nothing to write before a build that succeeded, nor after the file is read again', async () => {
    const { db, leader } = await centre();
    const { service } = await builtChenghu();
    await service.read(new Blob([centreFixture('chenghu-grids-gk40.zip')]), 'chenghu-grids-gk40.zip');
    await expect(service.commitCentre(db.name, await grant(db, leader), [], SET_UP_NOW)).rejects.toThrow(
      'nothing built to write',
    );
  });
});

describe('the report of a GeoJSON that GDAL wrote from the Shapefile', () => {
  it('names the rewound rings in one line, with the count and the first grids', async () => {
    const { built } = await builtChenghu('chenghu-grids-gdal.geojson');
    if (!built.ok) throw new Error(JSON.stringify(built.problems.filter((p) => p.severity === 'error')));
    expect(built.counts.grids).toBe(86);
    const rings = built.problems.filter((p) => p.key === 'geoImport.geometry.wrongOrientation');
    expect(rings).toEqual([
      {
        severity: 'warning',
        key: 'geoImport.geometry.wrongOrientation',
        params: { file: 'chenghu-grids-gdal.geojson', feature: 1, ring: 1, rings: 1 },
        repeats: { count: 86, features: [1, 2, 3, 4, 5] },
      },
    ]);
  });
});
