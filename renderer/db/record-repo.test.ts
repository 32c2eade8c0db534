import 'fake-indexeddb/auto';
import { layoutAt } from '../../shared/schema/store-tables';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { caseEventsOf } from '../../shared/cases/data-events';
import { GridDeskDb } from './database';
import { exportBackup } from './backup-repo';
import { replaceDataset } from './dataset-repo';
import {
  checkStoredExtends,
  checkStoredRecordHealth,
  readChainHead,
  readLastBackupHead,
  readRecordFacts,
  readVerifiedCheckpoint,
  verifyStoredRecord,
  writeRecord,
} from './record-repo';
import { recordHealthFollower } from './record-health-repo';
import { startUpDatabase } from './start-up';
import { createCase } from './case-actions';
import { addAccount, signInAs } from './test-accounts';
import { datasetTableNamesAt, datasetTables, writeDataset } from './tables';
import { appendEventSync, EMPTY_HEAD, type ChainHead } from '../../shared/cases/record';
import type { StoredCaseEvent } from '../../shared/cases/history';
import { makeFixtureDataset, makeFixtureSampleFiles } from '../../shared/schema/test-fixture';
import { createAppI18n } from '../i18n';
import { recordAlarmText } from '../i18n/record';

const NOW = Date.UTC(2026, 2, 10, 2, 15);
const DAY = 86_400_000;
const names: string[] = [];
let serial = 0;

function dbName(): string {
  const name = `record-repo-test-${serial++}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/** A sample loader that counts its calls. */
function countingLoader(): (() => Promise<unknown[]>) & { calls: number } {
  const load = Object.assign(
    async () => {
      load.calls += 1;
      return makeFixtureSampleFiles();
    },
    { calls: 0 },
  );
  return load;
}

/** Everything stored in the record's tables and meta, to compare before and after. */
async function snapshot(db: GridDeskDb): Promise<unknown> {
  return db.transaction('r', [db.meta, db.events, db.caseLoops, db.cases], async () => ({
    meta: await db.meta.toArray(),
    events: await db.events.orderBy('seq').toArray(),
    loops: await db.caseLoops.toArray(),
    cases: await db.cases.toArray(),
  }));
}

/** The Chinese text of every alarm, as the banner shows it. */
async function alarmTexts(db: GridDeskDb): Promise<string[]> {
  const health = await checkStoredRecordHealth(db);
  if (health.status !== 'alarm') return [];
  const { t, d } = createAppI18n('zh-CN').global;
  const translate = t as Parameters<typeof recordAlarmText>[0];
  const format = { count: (n: number) => n.toLocaleString('zh-CN'), time: (at: number) => d(at, 'long') };
  return health.alarms.map((alarm) => recordAlarmText(translate, alarm, format));
}

describe('start-up with a record that lost its head', () => {
  it('does not rebuild or reseed it, and raises the missing head with its event count', async () => {
    const name = dbName();
    let db = new GridDeskDb(name);
    const first = await startUpDatabase(db, countingLoader(), NOW);
    expect(first.seed).toMatchObject({ ok: true, status: 'seeded' });
    expect(first.health).toEqual({ status: 'ok' });
    const events = await db.events.count();
    expect(events).toBeGreaterThan(0);

    await db.meta.delete('chainHead');
    const before = await snapshot(db);
    db.close();
    db = new GridDeskDb(name);
    const load = countingLoader();
    const again = await startUpDatabase(db, load, NOW + DAY);

    expect(again.seed).toBeNull();
    expect(load.calls).toBe(0);
    expect(again.health).toEqual({ status: 'alarm', alarms: [{ kind: 'headMissing', events }] });
    expect(await snapshot(db)).toEqual(before);
    expect(await db.meta.get('chainHead')).toBeUndefined();
    expect(await alarmTexts(db)).toEqual([`链头缺失：记录有 ${events} 条事件但没有链头`]);
    db.close();
  });

  it('raises a head that no longer matches the events, and cases that lost their record, leaving all as found', async () => {
    const db = new GridDeskDb(dbName());
    await startUpDatabase(db, countingLoader(), NOW);
    const head = await readChainHead(db);
    await db.meta.put({ key: 'chainHead', value: { count: head.count + 1, lastHash: head.lastHash } });
    const kase = (await db.cases.toCollection().first())!;
    await db.events.where('caseId').equals(kase.id).delete();
    await db.caseLoops.delete(kase.id);
    const before = await snapshot(db);
    const again = await startUpDatabase(db, countingLoader(), NOW + DAY);
    expect(again.health).toMatchObject({
      status: 'alarm',
      alarms: [
        { kind: 'headCount', headCount: head.count + 1 },
        { kind: 'casesWithoutLoop', count: 1, first: kase.id },
        { kind: 'casesWithoutEvents', count: 1, first: kase.id },
      ],
    });
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });
});

describe('the version-1 upgrade', () => {
  /** A database as a version-1 build left it: the dataset with its cases, no record tables. */
  async function makeV1Database(): Promise<string> {
    const name = dbName();
    const old = new Dexie(name);
    old.version(1).stores(layoutAt(1));
    await old.transaction('rw', datasetTableNamesAt(1), (tx) =>
      writeDataset(datasetTables(tx), makeFixtureDataset(), { seededAt: NOW }),
    );
    old.close();
    return name;
  }

  it('builds the record of the stored cases once, when a version-1 database is first opened', async () => {
    const name = await makeV1Database();
    let db = new GridDeskDb(name);
    const started = await startUpDatabase(db, countingLoader(), NOW);
    expect({ health: started.health, seed: started.seed }).toEqual({ health: { status: 'ok' }, seed: null });
    const head = await readChainHead(db);
    expect(head.count).toBeGreaterThanOrEqual(makeFixtureDataset().cases.length);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    expect(await db.caseLoops.count()).toBe(makeFixtureDataset().cases.length);
    db.close();
    db = new GridDeskDb(name);
    expect(await readChainHead(db)).toEqual(head);
    db.close();
  });

  it('does not build it again on a later open when the record was removed', async () => {
    const name = await makeV1Database();
    let db = new GridDeskDb(name);
    await db.open();
    await db.transaction('rw', db.events, db.caseLoops, db.meta, async () => {
      await Promise.all([db.events.clear(), db.caseLoops.clear(), db.meta.delete('chainHead')]);
    });
    db.close();
    db = new GridDeskDb(name);
    const started = await startUpDatabase(db, countingLoader(), NOW);
    expect(await db.events.count()).toBe(0);
    const cases = makeFixtureDataset().cases.length;
    expect(started.health).toMatchObject({
      status: 'alarm',
      alarms: [
        { kind: 'headMissing', events: 0 },
        { kind: 'casesWithoutLoop', count: cases },
        { kind: 'casesWithoutEvents', count: cases },
      ],
    });
    db.close();
  });
});

/** Re-chains the stored record from the start with every actor renamed: a forgery that verifies. */
async function forgeRecord(db: GridDeskDb): Promise<ChainHead> {
  const events = caseEventsOf(await db.events.orderBy('seq').toArray());
  let head = EMPTY_HEAD;
  const forged: StoredCaseEvent[] = [];
  for (const { seq: _seq, prevHash: _prev, hash: _hash, ...body } of events) {
    const appended = appendEventSync(head, { ...body, actor: { ...body.actor, name: '冒名' } });
    forged.push(appended.event);
    head = appended.head;
  }
  const loops = await db.caseLoops.toArray();
  await db.transaction('rw', [db.caseLoops, db.events, db.meta, db.caseTallies, db.dayTallies], (tx) =>
    writeRecord(tx, { loops, events: forged, head }),
  );
  return head;
}

describe('the head of the newest exported backup', () => {
  it('is kept when a backup is exported, and catches a record rewritten and re-chained since', async () => {
    const db = new GridDeskDb(dbName());
    await replaceDataset(db, makeFixtureDataset());
    await addAccount(db, 'lead', 'leader', { displayName: '带班领导 张伟' });
    const exported = await exportBackup(db, await signInAs(db, 'lead'), NOW);
    if (!exported.ok) throw new Error(`backup refused: ${exported.refusal.key}`);
    const { backup } = exported;
    expect(await readLastBackupHead(db)).toEqual({ ...backup.chainHead, exportedAt: NOW });
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
    expect(await checkStoredExtends(db, backup.chainHead)).toMatchObject({ result: { ok: true } });
    const earlier = {
      count: backup.chainHead.count - 3,
      lastHash: (await db.events.get(backup.chainHead.count - 3))!.hash,
    };
    expect((await checkStoredExtends(db, earlier)).result).toEqual({
      ok: true,
      notedCount: earlier.count,
      count: backup.chainHead.count,
    });

    await forgeRecord(db);
    // The forged record passes the full check against its own (forged) head ...
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    // ... but not the anchor.
    expect(await checkStoredRecordHealth(db)).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'backupAnchor', count: backup.chainHead.count, exportedAt: NOW, shorter: false }],
    });
    expect((await checkStoredExtends(db, backup.chainHead)).result).toEqual({
      ok: false,
      kind: 'differs',
      from: backup.chainHead.count,
    });
    db.close();
  });
});

/** Changes a JSON value so that it is no longer equal: numbers, strings, arrays and objects (deeply). */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `${value}·`;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return [...(value as unknown[]), '·'];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const [key, inner] = entries[0] ?? ['·', null];
    return { ...value, [key]: changed(inner) };
  }
  return '·';
}

describe('the full check of the stored record', () => {
  it('names the event when any field of it is changed in the database, the payload included', async () => {
    const db = new GridDeskDb(dbName());
    await replaceDataset(db, makeFixtureDataset());
    const dispatch = caseEventsOf(await db.events.filter((e) => e.action.type === 'dispatch').toArray())[0]!;
    const fields = Object.keys(dispatch) as (keyof StoredCaseEvent)[];
    expect(fields.sort()).toEqual([
      'action',
      'actor',
      'at',
      'caseId',
      'from',
      'hash',
      'id',
      'prevHash',
      'seq',
      'to',
    ]);
    // A changed seq moves the event to another key, past the end so it overwrites nothing.
    const tampers: [string, StoredCaseEvent][] = fields.map((field) => [
      field,
      { ...dispatch, [field]: field === 'seq' ? dispatch.seq + 1_000_000 : changed(dispatch[field]) },
    ]);
    const payload = dispatch.action.payload as Record<string, unknown>;
    for (const key of Object.keys(payload)) {
      const action = { ...dispatch.action, payload: { ...payload, [key]: changed(payload[key]) } };
      tampers.push([`action.payload.${key}`, { ...dispatch, action } as StoredCaseEvent]);
    }
    expect(tampers.length).toBeGreaterThan(fields.length);
    for (const [field, tampered] of tampers) {
      await db.transaction('rw', db.events, async () => {
        await db.events.delete(dispatch.seq);
        await db.events.put(tampered);
      });
      const { result } = await verifyStoredRecord(db);
      expect(result.ok, field).toBe(false);
      expect(result, field).toMatchObject({ seq: dispatch.seq });
      await db.transaction('rw', db.events, async () => {
        await db.events.delete(tampered.seq);
        await db.events.put(dispatch);
      });
    }
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    db.close();
  });
});

describe('the live record check', () => {
  async function seeded(): Promise<GridDeskDb> {
    const db = new GridDeskDb(dbName());
    await replaceDataset(db, makeFixtureDataset());
    return db;
  }
  /** Appends `event` (chained on the stored head) and moves the head, as a write would. */
  async function append(db: GridDeskDb, event: Omit<StoredCaseEvent, 'seq' | 'prevHash' | 'hash'>) {
    const { event: chained, head } = appendEventSync(await readChainHead(db), event);
    await db.transaction('rw', db.events, db.meta, async () => {
      await db.events.add(chained as StoredCaseEvent);
      await db.meta.put({ key: 'chainHead', value: head });
    });
    return chained as StoredCaseEvent;
  }

  it('judges a record that grows as the full quick check does', async () => {
    const db = await seeded();
    const follow = recordHealthFollower(db);
    expect(await follow()).toEqual({ status: 'ok' });
    await addAccount(db, 'op', 'operator');
    const session = await signInAs(db, 'op');
    const draft = makeFixtureDataset().cases[0]!;
    const made = await createCase(
      db,
      {
        source: 'hotline',
        matterCode: draft.matterCode,
        urgency: 'normal',
        description: '新的一件',
        address: draft.address,
        location: draft.location,
        gridCode: draft.gridCode,
        teamId: draft.teamId,
      },
      [],
      session,
      NOW,
    );
    expect(made.ok).toBe(true);
    expect(await follow()).toEqual({ status: 'ok' });
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
    db.close();
  });

  it('finds what an appended event breaks: a case that is not stored, an edited last event', async () => {
    const db = await seeded();
    const follow = recordHealthFollower(db);
    expect(await follow()).toEqual({ status: 'ok' });
    const last = caseEventsOf([(await db.events.orderBy('seq').last())!])[0]!;
    const { seq: _s, prevHash: _p, hash: _h, id: _i, ...body } = last;
    const stray = await append(db, { ...body, id: `${last.id}-x`, caseId: 'no-such-case' });
    const found = await follow();
    expect(found).toEqual(await checkStoredRecordHealth(db));
    expect(found).toMatchObject({
      status: 'alarm',
      alarms: [{ kind: 'recordWithoutCase', count: 1, first: 'no-such-case' }],
    });

    // The last event edited in place (the head not moved): found on the next run.
    const db2 = await seeded();
    const follow2 = recordHealthFollower(db2);
    expect(await follow2()).toEqual({ status: 'ok' });
    const end = (await db2.events.orderBy('seq').last())!;
    await db2.events.put({ ...end, at: end.at + 1 });
    expect(await follow2()).toEqual({ status: 'alarm', alarms: [{ kind: 'lastEdited', seq: end.seq }] });
    expect(stray.seq).toBe(last.seq + 1);
    db.close();
    db2.close();
  });

  it('starts from the head the start-up check found sound, and still finds what is appended after it', async () => {
    const db = await seeded();
    const follow = recordHealthFollower(db, (await readRecordFacts(db)).head);
    expect(await follow()).toEqual({ status: 'ok' });
    const last = caseEventsOf([(await db.events.orderBy('seq').last())!])[0]!;
    const { seq: _s, prevHash: _p, hash: _h, id: _i, ...body } = last;
    await append(db, { ...body, id: `${last.id}-x`, caseId: 'no-such-case' });
    const found = await follow();
    expect(found).toEqual(await checkStoredRecordHealth(db));
    expect(found).toMatchObject({ status: 'alarm', alarms: [{ kind: 'recordWithoutCase' }] });
    db.close();
  });

  it('reads the whole record again once the head no longer extends what it saw', async () => {
    const db = await seeded();
    const follow = recordHealthFollower(db);
    expect(await follow()).toEqual({ status: 'ok' });
    // Another dataset in its place (one case fewer) with a loop row missing: nothing was appended,
    // the head was replaced, so the key checks run again and find it.
    const fixture = makeFixtureDataset();
    await replaceDataset(db, { ...fixture, cases: fixture.cases.filter((c) => c.id !== 'case-5') });
    await db.caseLoops.delete('case-2');
    expect(await follow()).toMatchObject({
      status: 'alarm',
      alarms: [{ kind: 'casesWithoutLoop', count: 1, first: 'case-2' }],
    });
    db.close();
  });
});

describe('the start-up check from the verified checkpoint', () => {
  /** The fixture seeded, fully verified (the checkpoint at its head), and a case written since. */
  async function verifiedThenWritten(): Promise<{ db: GridDeskDb; caseId: string }> {
    const db = new GridDeskDb(dbName());
    await replaceDataset(db, makeFixtureDataset());
    expect((await verifyStoredRecord(db)).result.ok).toBe(true);
    await addAccount(db, 'op', 'operator');
    const draft = makeFixtureDataset().cases[0]!;
    const made = await createCase(
      db,
      {
        source: 'hotline',
        matterCode: draft.matterCode,
        urgency: 'normal',
        description: '核验之后的一件',
        address: draft.address,
        location: draft.location,
        gridCode: draft.gridCode,
        teamId: draft.teamId,
      },
      [],
      await signInAs(db, 'op'),
      NOW,
    );
    if (!made.ok) throw new Error('case refused');
    return { db, caseId: made.kase.id };
  }

  it('verifies only what was written after the checkpoint, then moves the checkpoint to the head', async () => {
    const { db } = await verifiedThenWritten();
    const before = (await readVerifiedCheckpoint(db))!;
    const head = await readChainHead(db);
    expect(head.count).toBeGreaterThan(before.count);
    const started = await startUpDatabase(db, countingLoader(), NOW + DAY);
    expect(started).toMatchObject({
      health: { status: 'ok' },
      point: head,
      fromCheckpoint: true,
      seed: null,
    });
    expect(await readVerifiedCheckpoint(db)).toMatchObject({ count: head.count, lastHash: head.lastHash });
    db.close();
  });

  it('names what is wrong after the checkpoint as the check over every key does, and keeps the checkpoint', async () => {
    const { db, caseId } = await verifiedThenWritten();
    const before = await readVerifiedCheckpoint(db);
    await db.caseLoops.delete(caseId);
    const started = await startUpDatabase(db, countingLoader(), NOW + DAY);
    expect(started.health).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'casesWithoutLoop', count: 1, first: caseId }],
    });
    expect(started.fromCheckpoint).toBe(false);
    expect(await readVerifiedCheckpoint(db)).toEqual(before);

    // An event after the checkpoint edited: the start-up check re-hashes it and does not go on from it.
    const { db: db2 } = await verifiedThenWritten();
    const last = (await db2.events.orderBy('seq').last())!;
    await db2.events.put({ ...last, at: last.at + 1 });
    const again = await startUpDatabase(db2, countingLoader(), NOW + DAY);
    expect(again.health).toEqual({ status: 'alarm', alarms: [{ kind: 'lastEdited', seq: last.seq }] });
    db.close();
    db2.close();
  });

  it('reads every key when the record was never verified', async () => {
    const db = new GridDeskDb(dbName());
    await replaceDataset(db, makeFixtureDataset());
    const started = await startUpDatabase(db, countingLoader(), NOW);
    expect(started).toMatchObject({ health: { status: 'ok' }, fromCheckpoint: false });
    expect(started.point).toEqual(await readChainHead(db));
    expect(await readVerifiedCheckpoint(db)).toBeUndefined();
    db.close();
  });
});
