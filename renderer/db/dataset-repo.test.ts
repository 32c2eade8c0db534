import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GridDeskDb } from './database';
import { hasDataset, loadDataset, loadSetup, readMeta, replaceDataset } from './dataset-repo';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import type { TownshipDataset } from '../../shared/model/dataset';

let db: GridDeskDb;
let serial = 0;
function freshDb(): GridDeskDb {
  db = new GridDeskDb(`dataset-repo-test-${serial++}`);
  return db;
}
afterEach(async () => {
  await db.delete();
});

function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
const byId = <T extends { id: string }>(items: readonly T[]): T[] => sortBy(items, (x) => x.id);
const byCode = <T extends { code: string }>(items: readonly T[]): T[] => sortBy(items, (x) => x.code);

/** Collections in primary-key order, as the database returns them. */
function inKeyOrder(dataset: TownshipDataset): TownshipDataset {
  return {
    ...dataset,
    communities: byCode(dataset.communities),
    grids: byCode(dataset.grids),
    matters: byCode(dataset.matters),
    gridWorkers: byId(dataset.gridWorkers),
    patrolAreas: byId(dataset.patrolAreas),
    teams: byId(dataset.teams),
    officers: byId(dataset.officers),
    departments: byId(dataset.departments),
    cases: byId(dataset.cases),
    basemap: {
      roads: byId(dataset.basemap.roads),
      water: byId(dataset.basemap.water),
      settlements: byId(dataset.basemap.settlements),
      pois: byId(dataset.basemap.pois),
    },
  };
}

describe('dataset repository', () => {
  it('holds nothing before the first write', async () => {
    freshDb();
    expect(await hasDataset(db)).toBe(false);
    expect(await loadDataset(db)).toBeUndefined();
  });

  it('gives back the dataset it stored, with its meta', async () => {
    freshDb();
    const dataset = makeFixtureDataset();
    await replaceDataset(db, dataset, { seededAt: 123, sampleTimeShiftMs: 456 });
    expect(await hasDataset(db)).toBe(true);
    expect(await loadDataset(db)).toEqual(inKeyOrder(dataset));
    expect(await readMeta(db, 'seededAt')).toBe(123);
    expect(await readMeta(db, 'sampleTimeShiftMs')).toBe(456);
    expect(await readMeta(db, 'dataset')).toEqual(dataset.meta);
  });

  it('gives back everything but the cases for start-up', async () => {
    freshDb();
    const dataset = makeFixtureDataset();
    await replaceDataset(db, dataset);
    expect(await loadSetup(db)).toEqual({ ...inKeyOrder(dataset), cases: [] });
  });

  it('gives back every grid of a set larger than one read page, each once, in code order', async () => {
    freshDb();
    const dataset = makeFixtureDataset();
    const [model] = dataset.grids;
    if (model === undefined) throw new Error('fixture has grids');
    // 4,321 grids: four full pages of 1,000 and a part page.
    const grids = Array.from({ length: 4_321 }, (_, i) => ({
      ...model,
      code: `${model.code.slice(0, 9)}${String(i).padStart(6, '0')}` as typeof model.code,
    }));
    await replaceDataset(db, { ...dataset, grids: [...grids].reverse() });
    const loaded = await loadSetup(db);
    expect(loaded?.grids.map((g) => g.code)).toEqual(grids.map((g) => g.code));
    expect(loaded?.grids[4_000]).toEqual(grids[4_000]);
  });

  it('replaces the previous dataset entirely, leaving no records of it behind', async () => {
    freshDb();
    await replaceDataset(db, makeFixtureDataset(), { seededAt: 1 });
    const smaller = { ...makeFixtureDataset(), cases: makeFixtureDataset().cases.slice(0, 2) };
    await replaceDataset(db, smaller);
    expect(await db.cases.count()).toBe(2);
    expect(await readMeta(db, 'seededAt')).toBeUndefined();
  });

  it('keeps the previous data intact when a write fails half-way (duplicate key in the last table)', async () => {
    freshDb();
    const before = makeFixtureDataset();
    await replaceDataset(db, before, { seededAt: 1 });
    const [first] = before.cases;
    if (first === undefined) throw new Error('fixture has cases');
    const next = makeFixtureDataset();
    const broken: TownshipDataset = {
      ...next,
      meta: { ...next.meta, label: 'broken import' },
      grids: next.grids.slice(0, 1),
      cases: [...next.cases, { ...first, description: 'same id again' }],
    };
    await expect(replaceDataset(db, broken)).rejects.toThrow();
    expect(await loadDataset(db)).toEqual(inKeyOrder(before));
    expect(await readMeta(db, 'seededAt')).toBe(1);
  });
});
