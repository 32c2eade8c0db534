import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFixtureSampleFiles } from '../../shared/schema/test-fixture';
import { STORE_VERSION } from '../../shared/schema/store-tables';
import { GridDeskDb } from './database';
import { readMeta } from './dataset-repo';
import { currentCentre, openCentres, type CentresDb } from './centres';
import { ensureSeeded, resetLoss, resetToSample } from './seed';
import {
  SPARE_MAX_AGE_MS,
  findKeptSpare,
  prepareSampleSpare,
  spareStaleness,
  type SampleSpare,
} from './sample-spare';
import { workstationId } from './workstation-repo';
import { addAccount, signInAs } from './test-accounts';
import type { SessionToken } from './sessions';

const NOW = Date.UTC(2026, 2, 10, 2, 15);
const DIGEST = 'fixture-sample';
const sample = async (): Promise<unknown[]> => makeFixtureSampleFiles();

let db: GridDeskDb;
let registry: CentresDb;
let lead: SessionToken;
let serial = 0;

const names = (): Promise<string[]> => Dexie.getDatabaseNames();
/** What the start-up looks for, at `now`, on this workstation with the fixture's sample. */
async function kept(now: number, digest = DIGEST): Promise<SampleSpare | null> {
  return findKeptSpare(registry, await names(), now, {
    workstation: await workstationId(db),
    sample: digest,
  });
}
async function spareAt(now: number, digest = DIGEST): Promise<SampleSpare> {
  const spare = await prepareSampleSpare(db, sample, now, { sample: digest });
  if (!spare.ok) throw new Error('spare failed');
  return spare;
}

beforeEach(async () => {
  const name = `spare-test-${serial++}`;
  db = new GridDeskDb(name);
  registry = openCentres(`${name}-centres`);
  await currentCentre(registry, NOW, name);
  await ensureSeeded(db, sample, NOW);
  await addAccount(db, 'lead', 'leader');
  lead = await signInAs(db, 'lead');
});
afterEach(async () => {
  db.close();
  registry.close();
  for (const name of await names()) await Dexie.delete(name);
});

describe('a spare sample kept across a restart', () => {
  it('is found again while it fits, with what it was made from', async () => {
    const spare = await spareAt(NOW);
    expect(await kept(NOW + SPARE_MAX_AGE_MS)).toEqual(spare);
    expect(spare).toMatchObject({ preparedAt: NOW, workstation: await workstationId(db), sample: DIGEST });
  });

  it('is stale once too old, prepared "later" than now, on another workstation or of another sample', () => {
    const mark = { preparedAt: NOW, shiftMs: 0, warnings: [], workstation: 'ws-a', sample: DIGEST };
    const here = { workstation: 'ws-a', sample: DIGEST };
    expect(spareStaleness(mark, NOW + SPARE_MAX_AGE_MS, here)).toBeNull();
    expect(spareStaleness(mark, NOW + SPARE_MAX_AGE_MS + 1, here)).toBe('tooOld');
    expect(spareStaleness(mark, NOW - 1, here)).toBe('fromTheFuture');
    expect(spareStaleness(mark, NOW, { ...here, workstation: 'ws-b' })).toBe('otherWorkstation');
    expect(spareStaleness(mark, NOW, { ...here, sample: 'updated' })).toBe('otherSample');
  });

  it('is deleted when found stale, and the newest that fits is the one kept', async () => {
    const older = await spareAt(NOW);
    const newer = await spareAt(NOW + 60_000);
    const other = await spareAt(NOW + 120_000, 'an older build');
    expect(await kept(NOW + 180_000)).toEqual(newer);
    expect(await Dexie.exists(older.dbName)).toBe(false);
    expect(await Dexie.exists(other.dbName)).toBe(false);
    expect(await kept(NOW + 60_000 + SPARE_MAX_AGE_MS + 1)).toBeNull();
    expect(await Dexie.exists(newer.dbName)).toBe(false);
  });

  it('is not one while unfinished (no mark), nor once its store layout is older', async () => {
    const unfinished = new GridDeskDb('griddesk-sample-' + (NOW + 1).toString(36) + '-1');
    await unfinished.open();
    unfinished.close();
    const spare = await spareAt(NOW);
    expect(await kept(NOW)).toEqual(spare);
    expect(await Dexie.exists(unfinished.name)).toBe(true);
    // A spare of an older layout, as an older build left it (only its mark matters here).
    const old = new Dexie('griddesk-sample-' + (NOW + 2).toString(36) + '-2');
    old.version(STORE_VERSION - 1).stores({ meta: 'key' });
    await old.table('meta').put({ key: 'spare', value: { ...spare } });
    old.close();
    expect(await kept(NOW)).toEqual(spare);
    expect(await Dexie.exists(old.name)).toBe(false);
  });

  it('is switched to by a reset, and is no spare any more afterwards', async () => {
    const spare = await spareAt(NOW + 60_000);
    const found = await kept(NOW + 120_000);
    const result = await resetToSample(registry, db, lead, sample, NOW + 120_000, await resetLoss(db), {
      sample: DIGEST,
      spare: Promise.resolve(found ?? spare),
    });
    if (!result.ok) throw new Error('reset failed');
    await result.dropped;
    db = result.db;
    expect(db.name).toBe(spare.dbName);
    expect(await readMeta(db, 'seededAt')).toBe(NOW + 60_000);
    expect(await db.meta.get('spare')).toBeUndefined();
    expect(await kept(NOW + 120_000)).toBeNull();
    expect((await currentCentre(registry, NOW)).dbName).toBe(spare.dbName);
  });

  it('is not switched to when made from another sample: the reset writes the sample again', async () => {
    const spare = await spareAt(NOW + 60_000, 'an older build');
    const result = await resetToSample(registry, db, lead, sample, NOW + 120_000, await resetLoss(db), {
      sample: DIGEST,
      spare: Promise.resolve(spare),
    });
    if (!result.ok) throw new Error('reset failed');
    await result.dropped;
    db = result.db;
    expect(db.name).not.toBe(spare.dbName);
    expect(await Dexie.exists(spare.dbName)).toBe(false);
    expect(await readMeta(db, 'seededAt')).toBe(NOW + 120_000);
  });

  it('is no spare until its last write, and waits before each step while held back', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    const writing = prepareSampleSpare(db, sample, NOW, {
      sample: DIGEST,
      mayGoOn: () => (++asked < 3 ? Promise.resolve() : held),
    });
    // Asked before the record is built and before the dataset is written; held before the events.
    await vi.waitFor(() => expect(asked).toBe(3));
    const [name] = (await names()).filter((n) => n.startsWith('griddesk-sample-'));
    expect(name).toBeDefined();
    expect(await kept(NOW)).toBeNull();
    release();
    const spare = await writing;
    expect(spare).toMatchObject({ ok: true, dbName: name });
    expect(await kept(NOW)).toEqual(spare);
  });
});
