import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset, FIXTURE_GRID_CODES } from '../../shared/schema/test-fixture';
import { formatGridCode } from '../../shared/grid/code';
import { isOpenStage } from '../../shared/model/case';
import type { GridLayer, MovedCase } from '../../shared/import/centre/replace-grids';
import type { ImportedFile } from '../../shared/cases/data-events';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset, loadDataset } from './dataset-repo';
import { checkStoredRecordHealth, listCaseEvents, readChainHead, verifyStoredRecord } from './record-repo';
import { importPlaces, listDataEvents, readLastImport, replaceGrids, undoLastImport } from './imports-repo';
import { runCaseActions } from './case-actions';
import { addAccount, signInAs } from './test-accounts';
import type { SessionToken } from './sessions';

const NOW = Date.UTC(2026, 11, 2, 6, 0);
const FILES: readonly ImportedFile[] = [
  { role: 'grids', name: '新网格.zip', bytes: 12_345, sha256: 'e'.repeat(64) },
];
const fixture = makeFixtureDataset();
/** The grid renumbered by the re-gridding: its open cases move to the new code. */
const OLD = FIXTURE_GRID_CODES[1];
const NEW = formatGridCode('320381', 105, 1, 9);

let db: GridDeskDb;
let lead: SessionToken;
let op: SessionToken;

beforeEach(async () => {
  db = openDb(`imports-${Math.random()}`);
  await replaceDataset(db, fixture);
  await addAccount(db, 'lead', 'leader', { displayName: '陈刚' });
  await addAccount(db, 'op', 'operator');
  lead = await signInAs(db, 'lead');
  op = await signInAs(db, 'op');
});
afterEach(async () => {
  await db.delete();
});

/** The fixture's grid layer with grid OLD renumbered NEW, and the open cases in it moved. */
async function plan() {
  const layer: GridLayer = {
    grids: fixture.grids.map((g) => (g.code === OLD ? { ...g, code: NEW, name: '第九网格' } : g)),
    communities: fixture.communities,
    gridWorkers: fixture.gridWorkers,
    patrolAreas: fixture.patrolAreas,
  };
  const moves: MovedCase[] = fixture.cases
    .filter((c) => c.gridCode === OLD && isOpenStage(c.stage))
    .map((c) => ({
      kind: 'moved',
      caseId: c.id,
      caseNo: c.caseNo,
      from: { gridCode: c.gridCode, teamId: c.teamId },
      to: { gridCode: NEW, teamId: c.teamId },
    }));
  expect(moves.length).toBeGreaterThan(0);
  return { layer, moves, head: await readChainHead(db), reason: '网格调整' };
}

describe('replacing the grids of a centre with cases', () => {
  it('writes the new grids, moves the open cases with an event each, and records the import', async () => {
    const planned = await plan();
    const written = await replaceGrids(db, lead, planned, FILES, NOW);
    expect(written.ok).toBe(true);
    const stored = (await loadDataset(db))!;
    expect(stored.grids.map((g) => g.code)).toContain(NEW);
    expect(stored.grids.map((g) => g.code)).not.toContain(OLD);
    for (const move of planned.moves) {
      expect((await db.cases.get(move.caseId))?.gridCode).toBe(NEW);
      const last = (await listCaseEvents(db, move.caseId)).at(-1)!;
      expect(last.action).toEqual({
        type: 'reassign',
        payload: { gridCode: NEW, teamId: move.to.teamId, reason: '网格调整' },
      });
    }
    // Closed cases keep the grid they were handled in, retired or not.
    const closedThere = fixture.cases.filter((c) => c.gridCode === OLD && !isOpenStage(c.stage));
    for (const c of closedThere) expect((await db.cases.get(c.id))?.gridCode).toBe(OLD);
    const [event] = await listDataEvents(db);
    expect(event).toMatchObject({
      actor: { role: 'leader', name: '陈刚' },
      action: {
        type: 'dataImport',
        payload: { kind: 'gridsReplaced', files: FILES, movedCases: planned.moves.length },
      },
    });
    expect(event?.action.type === 'dataImport' && event.action.payload.counts.grids).toBe(
      fixture.grids.length,
    );
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
  });

  it('is the shift leader’s, and refused when anything was recorded since the plan', async () => {
    const planned = await plan();
    expect(await replaceGrids(db, op, planned, FILES, NOW)).toEqual({
      ok: false,
      refusal: { key: 'centres.leaderOnly', params: {} },
    });
    const open = fixture.cases.find((c) => c.stage === 'reported')!;
    expect((await runCaseActions(db, open.id, [{ type: 'register', payload: {} }], op, NOW)).ok).toBe(true);
    expect(await replaceGrids(db, lead, planned, FILES, NOW)).toEqual({
      ok: false,
      refusal: { key: 'imports.changedMeanwhile', params: {} },
    });
    expect((await loadDataset(db))!.grids.map((g) => g.code)).toContain(OLD);
    expect(await listDataEvents(db)).toEqual([]);
  });

  it('is undone by the leader while nothing was recorded since: grids and cases back where they were', async () => {
    const planned = await plan();
    const before = (await loadDataset(db))!;
    await replaceGrids(db, lead, planned, FILES, NOW);
    expect(await undoLastImport(db, op, NOW)).toEqual({
      ok: false,
      refusal: { key: 'centres.leaderOnly', params: {} },
    });
    const undone = await undoLastImport(db, lead, NOW + 60_000);
    expect(undone.ok).toBe(true);
    const after = (await loadDataset(db))!;
    expect(after.grids).toEqual(before.grids);
    expect(after.patrolAreas).toEqual(before.patrolAreas);
    for (const move of planned.moves) expect((await db.cases.get(move.caseId))?.gridCode).toBe(OLD);
    expect((await listDataEvents(db)).map((e) => e.action.type)).toEqual(['dataImport', 'dataImportUndo']);
    expect(await readLastImport(db)).toBeUndefined();
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('is not undone once a case was recorded after it', async () => {
    const planned = await plan();
    await replaceGrids(db, lead, planned, FILES, NOW);
    const open = fixture.cases.find((c) => c.stage === 'reported')!;
    await runCaseActions(db, open.id, [{ type: 'register', payload: {} }], op, NOW + 1);
    const last = await readLastImport(db);
    expect(await undoLastImport(db, lead, NOW + 2)).toEqual({
      ok: false,
      refusal: { key: 'imports.undoAfterRecord', params: { seq: last?.seq } },
    });
    expect((await loadDataset(db))!.grids.map((g) => g.code)).toContain(NEW);
  });
});

describe('importing places', () => {
  const PLACES_FILE: readonly ImportedFile[] = [
    { role: 'places', name: '地名.zip', bytes: 2_048, sha256: 'a'.repeat(64) },
  ];
  const places = {
    pois: [{ id: 'imp-1-1', name: '新安小学', kind: 'school' as const, location: [118.31, 34.36] as const }],
    roads: [
      {
        id: 'imp-1-2',
        name: '205国道',
        rank: 'trunk' as const,
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [118.3, 34.38],
            [118.34, 34.38],
          ] as const,
        },
      },
    ],
    settlements: [],
  };

  it('adds them to the basemap with its import event, and the leader alone can', async () => {
    expect(await importPlaces(db, op, places, PLACES_FILE, NOW)).toEqual({
      ok: false,
      refusal: { key: 'centres.leaderOnly', params: {} },
    });
    expect((await loadDataset(db))!.basemap.pois).toEqual(fixture.basemap.pois);
    const written = await importPlaces(db, lead, places, PLACES_FILE, NOW);
    expect(written.ok).toBe(true);
    const stored = (await loadDataset(db))!;
    expect(stored.basemap.pois).toHaveLength(2);
    expect(stored.basemap.pois).toEqual(expect.arrayContaining([...fixture.basemap.pois, ...places.pois]));
    expect(stored.basemap.roads.map((r) => r.name).sort()).toEqual(['205国道', '新安路']);
    const [event] = await listDataEvents(db);
    expect(event?.action).toEqual({
      type: 'dataImport',
      payload: { kind: 'places', files: PLACES_FILE, counts: { places: 2 }, movedCases: 0 },
    });
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('is undone by the leader, even after cases were recorded: exactly its places go', async () => {
    await importPlaces(db, lead, places, PLACES_FILE, NOW);
    const open = fixture.cases.find((c) => c.stage === 'reported')!;
    await runCaseActions(db, open.id, [{ type: 'register', payload: {} }], op, NOW + 1);
    expect(await undoLastImport(db, op, NOW + 2)).toEqual({
      ok: false,
      refusal: { key: 'centres.leaderOnly', params: {} },
    });
    expect((await undoLastImport(db, lead, NOW + 2)).ok).toBe(true);
    expect((await loadDataset(db))!.basemap).toEqual(fixture.basemap);
    expect((await listDataEvents(db)).map((e) => e.action.type)).toEqual(['dataImport', 'dataImportUndo']);
    expect(await readLastImport(db)).toBeUndefined();
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });
});
