import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GridDeskDb } from './database';
import { loadDataset, readMeta, replaceDataset } from './dataset-repo';
import { ensureSeeded, seedIntoHere, type LoadSample } from './seed';
import { checkStoredRecordHealth, readChainHead, verifyStoredRecord } from './record-repo';
import { makeFixtureDataset, makeFixtureSampleFiles } from '../../shared/schema/test-fixture';
import { SAMPLE_LEAD_MS, newestEventAt } from '../../shared/schema/time-shift';
import { isOpenStage } from '../../shared/model/case';

let db: GridDeskDb;
let serial = 0;
function freshDb(): GridDeskDb {
  db = new GridDeskDb(`seed-test-${serial++}`);
  return db;
}
afterEach(async () => {
  await db.delete();
});

const NOW = Date.UTC(2026, 2, 10, 2, 15);

/** A sample loader that counts its calls. */
function countingLoader(files: () => unknown[] = makeFixtureSampleFiles): LoadSample & { calls: number } {
  const load = Object.assign(
    async () => {
      load.calls++;
      return files();
    },
    { calls: 0 },
  );
  return load;
}

/** The sample with a 14-digit grid code in township.json and a case in cases.json pointing at a missing grid. */
function brokenSample(): unknown[] {
  const [township, cases] = makeFixtureSampleFiles() as [
    { grids: Record<string, unknown>[] },
    Record<string, unknown>[],
  ];
  const grid = township.grids[1];
  // An open case: a closed one may keep a grid that was retired since.
  const kase = cases[OPEN_CASE];
  if (grid === undefined || kase === undefined) throw new Error('fixture too small');
  grid['code'] = '32038110500100';
  kase['gridCode'] = '320381105099001';
  return [township, cases];
}
const OPEN_CASE = makeFixtureDataset().cases.findIndex((c) => isOpenStage(c.stage));

describe('ensureSeeded', () => {
  it('seeds the sample on first run, moving its newest event to a few minutes before now', async () => {
    freshDb();
    const result = await ensureSeeded(db, countingLoader(), NOW);
    expect(result).toMatchObject({ ok: true, status: 'seeded' });
    const stored = await loadDataset(db);
    expect(stored?.cases).toHaveLength(makeFixtureDataset().cases.length);
    expect(stored && newestEventAt(stored)).toBe(NOW - SAMPLE_LEAD_MS);
    expect(await readMeta(db, 'seededAt')).toBe(NOW);
    const original = newestEventAt(makeFixtureDataset()) ?? 0;
    expect(await readMeta(db, 'sampleTimeShiftMs')).toBe(NOW - SAMPLE_LEAD_MS - original);
  });

  it('does nothing on the second run: the sample is not even loaded and stored data is untouched', async () => {
    freshDb();
    await ensureSeeded(db, countingLoader(), NOW);
    const before = await loadDataset(db);
    const load = countingLoader();
    const again = await ensureSeeded(db, load, NOW + 86_400_000);
    expect(again).toMatchObject({ ok: true, status: 'already-seeded' });
    expect(load.calls).toBe(0);
    expect(await loadDataset(db)).toEqual(before);
    expect(await readMeta(db, 'seededAt')).toBe(NOW);
  });

  it('does not seed over an imported dataset', async () => {
    freshDb();
    await replaceDataset(db, { ...makeFixtureDataset(), cases: [] });
    const load = countingLoader();
    expect(await ensureSeeded(db, load, NOW)).toMatchObject({ ok: true, status: 'already-seeded' });
    expect(load.calls).toBe(0);
    expect(await db.cases.count()).toBe(0);
  });

  it('does not seed over a record whose dataset is gone: the record stays as found', async () => {
    freshDb();
    await ensureSeeded(db, countingLoader(), NOW);
    await db.transaction('rw', db.meta, async () => {
      await db.meta.delete('schemaVersion');
      await db.meta.delete('dataset');
    });
    const events = await db.events.orderBy('seq').toArray();
    const meta = await db.meta.toArray();
    const load = countingLoader();
    expect(await ensureSeeded(db, load, NOW + 86_400_000)).toMatchObject({
      ok: true,
      status: 'already-seeded',
    });
    expect(load.calls).toBe(0);
    expect(await db.events.orderBy('seq').toArray()).toEqual(events);
    expect(await db.meta.toArray()).toEqual(meta);
  });

  it('seeds only once when two windows start together', async () => {
    freshDb();
    const results = await Promise.all([
      ensureSeeded(db, countingLoader(), NOW),
      ensureSeeded(db, countingLoader(), NOW),
    ]);
    expect(results.map((r) => r.ok && r.status).sort()).toEqual(['already-seeded', 'seeded']);
    expect(await db.cases.count()).toBe(makeFixtureDataset().cases.length);
  });

  it('seeds through a writer of its own (the seed worker’s), which opens the database by name, as here', async () => {
    freshDb();
    const result = await ensureSeeded(db, countingLoader(), NOW, { seedInto: seedIntoHere });
    expect(result).toMatchObject({ ok: true, status: 'seeded' });
    // The quick check of what it wrote, judged from the rows it wrote, agrees with the stored record.
    expect(result.ok && result.written).toEqual({ health: { status: 'ok' }, head: await readChainHead(db) });
    const stored = await loadDataset(db);
    expect(stored?.cases).toHaveLength(makeFixtureDataset().cases.length);
    expect(stored && newestEventAt(stored)).toBe(NOW - SAMPLE_LEAD_MS);
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
    const verified = await verifyStoredRecord(db);
    expect(verified.result).toEqual({ ok: true });
    expect(verified.count).toBeGreaterThan(makeFixtureDataset().cases.length);
    // Once seeded, the writer is not even called: the database is not empty any more.
    const again = await ensureSeeded(db, countingLoader(), NOW, {
      seedInto: () => Promise.reject(new Error('must not write')),
    });
    expect(again).toMatchObject({ ok: true, status: 'already-seeded' });
  });

  it('writes nothing through that writer either when another window seeded first', async () => {
    freshDb();
    const late = ensureSeeded(db, countingLoader(), NOW, {
      seedInto: async (parts, now, workstation, dbName) => {
        await ensureSeeded(db, countingLoader(), NOW);
        return seedIntoHere(parts, now, workstation, dbName);
      },
    });
    expect(await late).toMatchObject({ ok: true, status: 'already-seeded' });
    expect(await db.cases.count()).toBe(makeFixtureDataset().cases.length);
  });

  it('refuses a bad sample with errors naming file, record and field, and stores nothing', async () => {
    freshDb();
    const result = await ensureSeeded(db, countingLoader(brokenSample), NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        key: 'gridCode.length',
        file: 'township.json',
        collection: 'grids',
        index: 1,
        recordId: '32038110500100',
        field: 'code',
      }),
    );
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        key: 'dataset.missingReference',
        file: 'cases.json',
        collection: 'cases',
        index: OPEN_CASE,
        recordId: `case-${OPEN_CASE + 1}`,
        field: 'gridCode',
        text: expect.stringContaining(`cases.json › cases[${OPEN_CASE}] (case-${OPEN_CASE + 1}) › gridCode`),
      }),
    );
    expect(await loadDataset(db)).toBeUndefined();
    // Only the installation's own workstation id, drawn when the database was created, is there.
    expect((await db.meta.toArray()).map((row) => row.key)).toEqual(['workstation']);
    await Promise.all(
      db.tables
        .filter((t) => t.name !== 'meta')
        .map(async (table) => expect(await table.count(), table.name).toBe(0)),
    );
  });

  it('reports a sample that cannot be loaded as an error value', async () => {
    freshDb();
    const result = await ensureSeeded(db, () => Promise.reject(new Error('HTTP 404')), NOW);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ key: 'sample.loadFailed', params: { detail: 'HTTP 404' } }],
    });
  });

  it('seeds from the files’ text as the app fetches them, parsed where the sample is prepared', async () => {
    freshDb();
    const texts = countingLoader(() => makeFixtureSampleFiles().map((file) => JSON.stringify(file)));
    expect(await ensureSeeded(db, texts, NOW)).toMatchObject({ ok: true, status: 'seeded' });
    expect((await loadDataset(db))?.cases).toHaveLength(makeFixtureDataset().cases.length);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('refuses a file whose text is not JSON, naming the file, and stores nothing', async () => {
    freshDb();
    const [township] = makeFixtureSampleFiles();
    const result = await ensureSeeded(db, async () => [JSON.stringify(township), '[{"id": '], NOW);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ key: 'sample.loadFailed', file: 'cases.json' }],
    });
    expect(await db.cases.count()).toBe(0);
  });
});
