import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpareResult } from '../db/seed';
import {
  keepSpareReady,
  returnSpare,
  SPARE_REFRESH_MS,
  SPARE_WARM_DELAY_MS,
  stopKeepingSpare,
  takeSpare,
} from './reset-spare';

/** Spare databases as the seed worker leaves them: a real database, named for when it was started. */
let started: string[] = [];
async function prepare(): Promise<SpareResult> {
  const dbName = `spare-test-${started.length}`;
  started.push(dbName);
  const db = new Dexie(dbName);
  db.version(1).stores({ meta: 'key' });
  await db.open();
  db.close();
  return { ok: true, dbName, preparedAt: Date.now(), shiftMs: 0, warnings: [] };
}

const exists = (name: string): Promise<boolean> => Dexie.exists(name);
/** Lets the spare's promise and a drop's deletion settle. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i += 1) await vi.advanceTimersByTimeAsync(0);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  started = [];
});
afterEach(async () => {
  stopKeepingSpare();
  await settle();
  vi.useRealTimers();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

describe('the spare kept ready for a reset', () => {
  it('is prepared once the workstation has settled, and a reset takes it', async () => {
    keepSpareReady(prepare);
    expect(takeSpare(Date.now())).toBeNull();
    await vi.advanceTimersByTimeAsync(SPARE_WARM_DELAY_MS);
    await settle();
    expect(started).toHaveLength(1);
    const held = takeSpare(Date.now());
    expect(await held?.spare).toMatchObject({ ok: true, dbName: 'spare-test-0' });
    // Taken: the next reset gets none until another is ready.
    expect(takeSpare(Date.now())).toBeNull();
  });

  it('is prepared again before it is too old to use, the old one dropped', async () => {
    keepSpareReady(prepare, 0);
    await settle();
    await vi.advanceTimersByTimeAsync(SPARE_REFRESH_MS);
    await settle();
    expect(started).toEqual(['spare-test-0', 'spare-test-1']);
    expect(await exists('spare-test-0')).toBe(false);
    expect(await exists('spare-test-1')).toBe(true);
    expect(await takeSpare(Date.now())?.spare).toMatchObject({ dbName: 'spare-test-1' });
  });

  it('is not given to a reset once too old (the machine slept), and is dropped', async () => {
    keepSpareReady(prepare, 0);
    await settle();
    expect(takeSpare(Date.now() + SPARE_REFRESH_MS + 1)).toBeNull();
    await settle();
    expect(await exists('spare-test-0')).toBe(false);
  });

  it('comes back when the leader cancels the reset, and is dropped when keeping stops', async () => {
    keepSpareReady(prepare, 0);
    await settle();
    const held = takeSpare(Date.now());
    expect(held).not.toBeNull();
    if (held !== null) returnSpare(held, Date.now());
    expect(takeSpare(Date.now())).toBe(held);
    if (held !== null) returnSpare(held, Date.now());
    stopKeepingSpare();
    await settle();
    expect(await exists('spare-test-0')).toBe(false);
    expect(takeSpare(Date.now())).toBeNull();
    // Nothing more is prepared once stopped.
    await vi.advanceTimersByTimeAsync(SPARE_REFRESH_MS * 2);
    expect(started).toHaveLength(1);
  });
});
