import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset, makeFixtureSampleFiles } from '../../shared/schema/test-fixture';
import { loadDataset, setUpCentreDataset } from './dataset-repo';
import { checkStoredRecordHealth, verifyStoredRecord } from './record-repo';
import { listDataEvents, undoLastImport } from './imports-repo';
import { createCase } from './case-actions';
import type { ImportedFile } from '../../shared/cases/data-events';
import { interiorPoint } from '../../shared/import/centre/interior-point';
import { addAccount, signInAs } from './test-accounts';
import { hashPassword } from '../../shared/accounts/password';
import { currentCentre, listCentres, openCentres, type CentresDb } from './centres';
import { GridDeskDb, openDb } from './database';
import { createCentre, type NewCentreInput } from './new-centre';
import { startUpDatabase } from './start-up';
import { ensureSampleAccounts } from './accounts-repo';
import { openSession } from './sessions';

const NOW = Date.UTC(2026, 11, 2, 4, 0);
const WORKSTATION = { id: 'ws-test-1', createdAt: NOW - 1000 };
const INPUT: NewCentreInput = {
  name: '新安街道综合行政执法指挥中心',
  townshipName: '新安街道',
  divisionCode: '320381105',
  leader: { username: 'Zhang.Wei', displayName: '张伟', password: 'Xinan-2026-leader' },
};
let registry: CentresDb;
let serial = 0;

beforeEach(async () => {
  registry = openCentres(`new-centre-test-${serial++}`);
  await currentCentre(registry, NOW);
});
afterEach(async () => {
  for (const c of await registry.centres.toArray()) if (c.kind === 'own') await openDb(c.dbName).delete();
  await registry.delete();
});

describe('setting up a new centre', () => {
  it('creates an empty centre with its first shift leader and opens it; the sample centre stays', async () => {
    const made = await createCentre(registry, WORKSTATION, INPUT, NOW, { iterations: 1000 });
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    expect(made.centre).toMatchObject({
      kind: 'own',
      name: INPUT.name,
      townshipName: '新安街道',
      divisionCode: '320381105',
    });
    expect(await currentCentre(registry, NOW)).toEqual(made.centre);
    expect((await listCentres(registry)).map((c) => c.kind)).toEqual(['sample', 'own']);

    const db = new GridDeskDb(made.centre.dbName);
    // Its leader signs in; it holds this installation's workstation id, no dataset, no sample accounts.
    expect(await openSession(db, 'zhang.wei', INPUT.leader.password)).toMatchObject({
      ok: true,
      account: { role: 'leader', displayName: '张伟' },
    });
    expect(await db.meta.get('workstation')).toEqual({ key: 'workstation', value: WORKSTATION });
    expect(await ensureSampleAccounts(db, (p) => hashPassword(p, { iterations: 1000 }), NOW)).toBe(false);
    expect((await db.accounts.toArray()).map((a) => a.username)).toEqual(['zhang.wei']);
    // Its start-up never seeds the sample into it.
    const started = await startUpDatabase(db, async () => makeFixtureSampleFiles(), NOW, undefined, {
      seed: false,
    });
    expect({ health: started.health, seed: started.seed }).toEqual({
      health: { status: 'empty' },
      seed: null,
    });
    expect(await db.cases.count()).toBe(0);
    expect(await db.meta.get('dataset')).toBeUndefined();
    db.close();
  });

  it('names every problem of the form by field and creates nothing', async () => {
    const made = await createCentre(
      registry,
      WORKSTATION,
      {
        name: ' ',
        townshipName: '',
        divisionCode: '321200105',
        leader: { username: '张', displayName: '', password: 'short' },
      },
      NOW,
      { iterations: 1000 },
    );
    expect(made.ok).toBe(false);
    const fields = made.ok ? [] : made.issues.map((i) => `${i.field}:${i.key}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'name:centres.nameRequired',
        'townshipName:centres.townshipRequired',
        'divisionCode:centres.code.countyZero',
        'username:accounts.usernameInvalid',
        'displayName:accounts.nameRequired',
        'password:password.tooShort',
      ]),
    );
    expect(await listCentres(registry)).toHaveLength(1);
    expect((await currentCentre(registry, NOW)).kind).toBe('sample');
  });

  it('refuses a second centre of the same name and a code of the wrong length', async () => {
    expect((await createCentre(registry, WORKSTATION, INPUT, NOW, { iterations: 1000 })).ok).toBe(true);
    const again = await createCentre(registry, WORKSTATION, { ...INPUT, divisionCode: '3203811050' }, NOW, {
      iterations: 1000,
    });
    expect(again.ok ? [] : again.issues).toEqual([
      { field: 'name', key: 'centres.nameTaken', params: { name: INPUT.name } },
      { field: 'divisionCode', key: 'centres.code.length', params: { length: 10 } },
    ]);
  });
});

const FILES: readonly ImportedFile[] = [
  { role: 'grids', name: '新安网格.zip', bytes: 48_213, sha256: 'a'.repeat(64) },
  { role: 'officers', name: '队员.xlsx', bytes: 9_120, sha256: 'b'.repeat(64) },
];

/** A new centre, signed in as its first leader, and its own dataset to set it up with. */
async function newCentre() {
  const made = await createCentre(registry, WORKSTATION, INPUT, NOW, { iterations: 1000 });
  if (!made.ok) throw new Error('not created');
  const db = new GridDeskDb(made.centre.dbName);
  const opened = await openSession(db, INPUT.leader.username, INPUT.leader.password);
  if (!opened.ok) throw new Error('not signed in');
  const own = {
    ...makeFixtureDataset(),
    cases: [],
    meta: { label: '新安街道', synthetic: false, generatedAt: NOW },
  };
  return { db, leader: opened.token, own };
}

describe('a new centre’s first dataset', () => {
  it('is written by its shift leader in one go, recorded with its files, and only once', async () => {
    const { db, leader, own } = await newCentre();
    await addAccount(db, 'op', 'operator');
    const op = await signInAs(db, 'op');
    expect(await setUpCentreDataset(db, op, own, FILES, NOW)).toEqual({
      ok: false,
      refusal: { key: 'centres.leaderOnly', params: {} },
    });
    expect(await db.grids.count()).toBe(0);
    expect(await db.events.count()).toBe(0);

    const written = await setUpCentreDataset(db, leader, own, FILES, NOW + 5);
    expect(written.ok).toBe(true);
    expect((await loadDataset(db))?.grids.map((g) => g.code)).toEqual(own.grids.map((g) => g.code).sort());
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
    expect(await db.meta.get('workstation')).toEqual({ key: 'workstation', value: WORKSTATION });
    expect((await db.accounts.toArray()).map((a) => a.username).sort()).toEqual(['op', 'zhang.wei']);

    // The record names who imported what, when: each file with its size and digest, the rows written.
    const [event] = await listDataEvents(db);
    expect(event).toMatchObject({
      seq: 1,
      at: NOW + 5,
      actor: { role: 'leader', name: '张伟' },
      action: {
        type: 'dataImport',
        payload: {
          kind: 'centreSetUp',
          files: FILES,
          counts: { grids: own.grids.length, officers: own.officers.length, teams: own.teams.length },
          movedCases: 0,
        },
      },
    });
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });

    expect(await setUpCentreDataset(db, leader, own, FILES, NOW)).toEqual({
      ok: false,
      refusal: { key: 'centres.notEmpty', params: {} },
    });
    db.close();
  });

  it('can be undone by its shift leader while no case is entered, and set up again', async () => {
    const { db, leader, own } = await newCentre();
    expect(await undoLastImport(db, leader, NOW)).toEqual({
      ok: false,
      refusal: { key: 'imports.nothingToUndo', params: {} },
    });
    await setUpCentreDataset(db, leader, own, FILES, NOW);
    await addAccount(db, 'op', 'operator');
    expect(await undoLastImport(db, await signInAs(db, 'op'), NOW)).toEqual({
      ok: false,
      refusal: { key: 'centres.leaderOnly', params: {} },
    });

    const undone = await undoLastImport(db, leader, NOW + 60_000);
    expect(undone.ok).toBe(true);
    // Empty again, as before the import: no data, but the accounts, the workstation and the record stay.
    expect(await loadDataset(db)).toBeUndefined();
    expect(await db.grids.count()).toBe(0);
    expect((await db.accounts.toArray()).map((a) => a.username).sort()).toEqual(['op', 'zhang.wei']);
    expect(await db.meta.get('workstation')).toEqual({ key: 'workstation', value: WORKSTATION });
    const events = await listDataEvents(db);
    expect(events.map((e) => [e.seq, e.action.type])).toEqual([
      [1, 'dataImport'],
      [2, 'dataImportUndo'],
    ]);
    expect(events[1]?.action.payload).toEqual({ undoes: events[0]?.id, kind: 'centreSetUp', movedCases: 0 });
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    expect(await undoLastImport(db, leader, NOW)).toEqual({
      ok: false,
      refusal: { key: 'imports.nothingToUndo', params: {} },
    });

    // Set up again: the record goes on from the undo.
    expect((await setUpCentreDataset(db, leader, own, FILES, NOW + 120_000)).ok).toBe(true);
    expect((await listDataEvents(db)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    db.close();
  });

  it('is not undone once a case names its grids', async () => {
    const { db, leader, own } = await newCentre();
    await setUpCentreDataset(db, leader, own, FILES, NOW);
    const grid = own.grids[0]!;
    const area = own.patrolAreas.find((p) => p.id === grid.patrolAreaId)!;
    const made = await createCase(
      db,
      {
        source: 'hotline',
        matterCode: own.matters[0]!.code,
        urgency: 'normal',
        description: '占道经营',
        address: '新安路 1 号',
        location: interiorPoint(grid.geometry),
        gridCode: grid.code,
        teamId: area.teamId,
      },
      [],
      leader,
      NOW + 1000,
    );
    expect(made.ok).toBe(true);
    expect(await undoLastImport(db, leader, NOW + 2000)).toEqual({
      ok: false,
      refusal: { key: 'imports.undoHasCases', params: { cases: 1 } },
    });
    expect(await db.grids.count()).toBe(own.grids.length);
    // Case events and the import's event live in one chain.
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
    db.close();
  });
});
