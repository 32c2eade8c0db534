import 'fake-indexeddb/auto';
import { layoutAt } from '../../shared/schema/store-tables';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  datasetTableNamesAt,
  datasetTables,
  readStoredDataset,
  writeDataset,
  type StoredDataset,
} from './tables';
import { upgradeStoredDataset } from './upgrade';
import type { MigrationStep } from '../../shared/schema/migrations';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';

/**
 * The upgrade mechanism, exercised with a made-up stored layout "version 0" in which an officer had a
 * `certified` flag instead of the `kind` discriminator. Dexie versions 1 → 2 stand for a real schema bump.
 */
const v0ToV1: MigrationStep = {
  version: 1,
  up(old) {
    const officers = old['officers'] as Record<string, unknown>[];
    return {
      ...old,
      officers: officers.map(({ certified, ...officer }) => ({
        ...officer,
        kind: certified === true ? 'certified' : 'auxiliary',
      })),
    };
  },
};

const failingStep: MigrationStep = {
  version: 1,
  up() {
    throw new Error('cannot read officers');
  },
};

/** The database as an older build declared it. */
function openOldDb(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(layoutAt(1));
  return db;
}

/** The database as a newer build declares it: one more Dexie version, whose hook runs `step`. */
function openNewDb(name: string, step: MigrationStep): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(layoutAt(1));
  db.version(2)
    .stores(layoutAt(1))
    .upgrade((tx) => upgradeStoredDataset(tx, { steps: [step] }));
  return db;
}

const opened: Dexie[] = [];
let serial = 0;

/** Writes the fixture in the version 0 layout, as an older build would have. */
async function makeOldDatabase(): Promise<string> {
  const name = `upgrade-test-${serial++}`;
  const old = openOldDb(name);
  await old.transaction('rw', datasetTableNamesAt(1), async (tx): Promise<void> => {
    const tables = datasetTables(tx);
    await writeDataset(tables, makeFixtureDataset(), { seededAt: 42 });
    await tx.table('meta').put({ key: 'schemaVersion', value: 0 });
    const officers = makeFixtureDataset().officers.map(({ kind, ...rest }) => ({
      ...rest,
      certified: kind === 'certified',
    }));
    await tx.table('officers').bulkPut(officers);
  });
  old.close();
  return name;
}

async function readAll(db: Dexie): Promise<StoredDataset | undefined> {
  return db.transaction('r', datasetTableNamesAt(1), (tx) => readStoredDataset(datasetTables(tx)));
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe('upgradeStoredDataset', () => {
  it('migrates stored data through the shared steps when the database version goes up', async () => {
    const name = await makeOldDatabase();
    const db = openNewDb(name, v0ToV1);
    opened.push(db);
    const stored = await readAll(db);
    expect(stored?.schemaVersion).toBe(1);
    expect(stored?.info).toEqual({ seededAt: 42 });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(stored?.dataset.officers).toEqual([...makeFixtureDataset().officers].sort(byId));
  });

  it('aborts the upgrade when a step fails, leaving the old data as it was', async () => {
    const name = await makeOldDatabase();
    const failing = openNewDb(name, failingStep);
    await expect(failing.open()).rejects.toThrow(/cannot read officers/);
    failing.close();
    const old = openOldDb(name);
    opened.push(old);
    const stored = await readAll(old);
    expect(stored?.schemaVersion).toBe(0);
    expect(stored?.dataset.officers[0]).toHaveProperty('certified');
  });
});
