import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset, makeFixtureSampleFiles } from '../../shared/schema/test-fixture';
import { loadDataset, setUpCentreDataset } from './dataset-repo';
import { checkStoredRecordHealth } from './record-repo';
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

describe('a new centre’s first dataset', () => {
  it('is written by its shift leader in one go, with an empty record, and only once', async () => {
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
    await addAccount(db, 'op', 'operator');
    const op = await signInAs(db, 'op');
    expect(await setUpCentreDataset(db, op, own)).toEqual({
      ok: false,
      refusal: { key: 'centres.leaderOnly', params: {} },
    });
    expect(await db.grids.count()).toBe(0);

    expect(await setUpCentreDataset(db, opened.token, own)).toEqual({ ok: true });
    expect((await loadDataset(db))?.grids.map((g) => g.code)).toEqual(own.grids.map((g) => g.code).sort());
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
    expect(await db.meta.get('workstation')).toEqual({ key: 'workstation', value: WORKSTATION });
    expect((await db.accounts.toArray()).map((a) => a.username).sort()).toEqual(['op', 'zhang.wei']);
    expect(await setUpCentreDataset(db, opened.token, own)).toEqual({
      ok: false,
      refusal: { key: 'centres.notEmpty', params: {} },
    });
    db.close();
  });
});
