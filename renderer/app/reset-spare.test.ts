import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SampleSpare, SpareResult } from '../db/sample-spare';
import {
  abandonUnfinishedSpare,
  dropHeldSpare,
  holdSpare,
  holdSpareWork,
  keepSpareReady,
  prepareSpareNow,
  returnSpare,
  SPARE_REFRESH_MS,
  SPARE_WARM_DELAY_MS,
  spareMayGoOn,
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
  return spareNamed(dbName, Date.now());
}
const spareNamed = (dbName: string, preparedAt: number): SampleSpare => ({
  ok: true,
  dbName,
  preparedAt,
  shiftMs: 0,
  warnings: [],
  workstation: 'ws',
  sample: 'digest',
});

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
  dropHeldSpare();
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

  it('comes back when the leader cancels the reset, and outlives a sign-out for the next leader', async () => {
    keepSpareReady(prepare, 0);
    await settle();
    const held = takeSpare(Date.now());
    expect(held).not.toBeNull();
    if (held !== null) returnSpare(held, Date.now());
    expect(takeSpare(Date.now())).toBe(held);
    if (held !== null) returnSpare(held, Date.now());
    // Signed out: nothing more is prepared, and the spare stays.
    stopKeepingSpare();
    await vi.advanceTimersByTimeAsync(SPARE_REFRESH_MS * 0.5);
    await settle();
    expect(started).toHaveLength(1);
    expect(await exists('spare-test-0')).toBe(true);
    // The next leader gets it; it is prepared again when it falls due, not a full period later.
    keepSpareReady(prepare);
    await vi.advanceTimersByTimeAsync(SPARE_REFRESH_MS * 0.5);
    await settle();
    expect(started).toEqual(['spare-test-0', 'spare-test-1']);
    expect(await exists('spare-test-0')).toBe(false);
  });

  it('is dropped when a centre of its own data is opened', async () => {
    keepSpareReady(prepare, 0);
    await settle();
    dropHeldSpare();
    await settle();
    expect(await exists('spare-test-0')).toBe(false);
    expect(takeSpare(Date.now())).toBeNull();
    await vi.advanceTimersByTimeAsync(SPARE_REFRESH_MS * 2);
    expect(started).toHaveLength(1);
  });

  it('is prepared before anyone signs in; an operator signing in stops one still being prepared', async () => {
    let signal: AbortSignal | undefined;
    let finish: () => void = () => undefined;
    prepareSpareNow((s) => {
      signal = s;
      return new Promise<SpareResult>((resolve, reject) => {
        finish = () => resolve(spareNamed('never-written', Date.now()));
        s.addEventListener('abort', () => reject(new Error('abandoned')));
      });
    });
    expect(signal?.aborted).toBe(false);
    abandonUnfinishedSpare();
    expect(signal?.aborted).toBe(true);
    finish();
    expect(takeSpare(Date.now())).toBeNull();
  });

  it('is kept for an operator once prepared, without preparing another', async () => {
    prepareSpareNow(prepare);
    await settle();
    abandonUnfinishedSpare();
    await vi.advanceTimersByTimeAsync(SPARE_REFRESH_MS * 2);
    expect(started).toEqual(['spare-test-0']);
    expect(await exists('spare-test-0')).toBe(true);
  });

  it('holds a spare kept from before by the age it has, not from when it was found', async () => {
    await prepare();
    const preparedAt = Date.now() - SPARE_REFRESH_MS + 60_000;
    holdSpare(spareNamed('spare-test-0', preparedAt));
    keepSpareReady(prepare);
    // Due a minute from now: a new one is prepared then, and the kept one dropped.
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(started).toEqual(['spare-test-0', 'spare-test-1']);
    expect(await exists('spare-test-0')).toBe(false);
  });

  it('gives a kept spare to a reset only while young enough', async () => {
    holdSpare(spareNamed('old', Date.now() - SPARE_REFRESH_MS - 1));
    expect(takeSpare(Date.now())).toBeNull();
    holdSpare(spareNamed('young', Date.now() - 1_000));
    expect(await takeSpare(Date.now())?.spare).toMatchObject({ dbName: 'young' });
  });

  it('makes way while it is held back (a sign-in), and goes on once released', async () => {
    let release: () => void = () => undefined;
    holdSpareWork(new Promise<void>((resolve) => (release = resolve)));
    let written = false;
    void spareMayGoOn().then(() => (written = true));
    await settle();
    expect(written).toBe(false);
    release();
    await settle();
    expect(written).toBe(true);
  });
});
