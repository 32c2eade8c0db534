import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { openDb, type GridDeskDb } from './database';

let db: GridDeskDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

/** The durability IndexedDB was asked for by the transaction Dexie opened for a write. */
async function durabilityOfAWrite(database: GridDeskDb): Promise<string | undefined> {
  return database.transaction('rw', database.officers, async () => {
    await database.officers.count();
    const idb = Dexie.currentTransaction?.idbtrans as (IDBTransaction & { durability?: string }) | undefined;
    return idb?.durability;
  });
}

describe('the local database', () => {
  it('commits every transaction with strict durability', async () => {
    db = openDb(`durability-${Math.random()}`);
    expect(await durabilityOfAWrite(db)).toBe('strict');
  });
});
