import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ORPHAN_AGE_MS,
  centreDbNamedAt,
  chooseCentre,
  currentCentre,
  dropOrphanDatabases,
  listCentres,
  moveCentreDb,
  newCentreDbName,
  openCentres,
  type CentresDb,
} from './centres';
import { DB_NAME } from './database';

const NOW = Date.UTC(2026, 11, 2, 3, 0);
let registry: CentresDb;
let serial = 0;

beforeEach(() => {
  registry = openCentres(`centres-test-${serial++}`);
});
afterEach(async () => {
  await registry.delete();
});

describe('the registry of centres', () => {
  it('makes the database this installation always used the sample centre, on the first start', async () => {
    const centre = await currentCentre(registry, NOW);
    expect(centre).toMatchObject({ id: 'sample', kind: 'sample', dbName: DB_NAME, createdAt: NOW });
    expect(await currentCentre(registry, NOW + 1)).toEqual(centre);
    expect(await listCentres(registry)).toEqual([centre]);
  });

  it('opens the centre chosen last, and refuses one that is not registered', async () => {
    await currentCentre(registry, NOW);
    const own = {
      id: 'c-1',
      kind: 'own' as const,
      dbName: newCentreDbName('centre', NOW),
      name: '新安街道综合行政执法指挥中心',
      townshipName: '新安街道',
      divisionCode: '320381105',
      createdAt: NOW + 5,
    };
    await registry.centres.add(own);
    expect(await chooseCentre(registry, 'c-1')).toEqual(own);
    expect(await currentCentre(registry, NOW)).toEqual(own);
    expect((await listCentres(registry)).map((c) => c.id)).toEqual(['sample', 'c-1']);
    await expect(chooseCentre(registry, 'c-2')).rejects.toThrow('no centre c-2');
    expect((await currentCentre(registry, NOW)).id).toBe('c-1');
  });

  it('moves a centre to another database only from the one it uses now', async () => {
    await currentCentre(registry, NOW);
    const next = newCentreDbName('sample', NOW);
    expect(await moveCentreDb(registry, 'sample', 'someone-else', next)).toBe(false);
    expect((await currentCentre(registry, NOW)).dbName).toBe(DB_NAME);
    expect(await moveCentreDb(registry, 'sample', DB_NAME, next)).toBe(true);
    expect((await currentCentre(registry, NOW)).dbName).toBe(next);
  });

  it('names databases by when they were made, and reads the time back', () => {
    const name = newCentreDbName('sample', NOW);
    expect(name.startsWith('griddesk-sample-')).toBe(true);
    expect(centreDbNamedAt(name)).toBe(NOW);
    expect(newCentreDbName('sample', NOW)).not.toBe(name);
    expect(centreDbNamedAt(DB_NAME)).toBeNull();
    expect(centreDbNamedAt('griddesk-centres')).toBeNull();
  });

  it('drops only spare databases no centre uses that are over an hour old', async () => {
    await currentCentre(registry, NOW);
    const stale = newCentreDbName('sample', NOW - ORPHAN_AGE_MS - 1);
    const young = newCentreDbName('sample', NOW - 60_000);
    const used = newCentreDbName('sample', NOW - 3 * ORPHAN_AGE_MS);
    await moveCentreDb(registry, 'sample', DB_NAME, used);
    for (const name of [stale, young, used]) {
      const db = new Dexie(name);
      db.version(1).stores({ t: 'id' });
      await db.open();
      db.close();
    }
    const all = [stale, young, used, DB_NAME, 'griddesk-centres', 'other-app'];
    expect(await dropOrphanDatabases(registry, all, NOW)).toEqual([stale]);
    expect(await Dexie.exists(stale)).toBe(false);
    expect(await Dexie.exists(young)).toBe(true);
    expect(await Dexie.exists(used)).toBe(true);
    await Promise.all([Dexie.delete(young), Dexie.delete(used)]);
  });
});
