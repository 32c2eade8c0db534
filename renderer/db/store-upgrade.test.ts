/**
 * The real upgrade path: a database as a version-1 build left it (the sample's dataset, no record)
 * and one as a version-2 build left it (the sample with its record, an attachment, an account and the
 * head of a backup exported then), opened by this build, reach the current store version with every
 * id scoped by the workstation and the record verifying.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TownshipDataset } from '../../shared/model/dataset';
import { parseDatasetFiles } from '../../shared/schema/parse';
import { layoutChangesAt, STORE_VERSION } from '../../shared/schema/store-tables';
import { buildRecordV2 } from '../../shared/cases/build-record';
import type { ChainHead } from '../../shared/cases/record';
import { isWorkstationId } from '../../shared/model/ids';
import { readCommitted } from '../../shared/sample/test-committed';
import { GridDeskDb } from './database';
import { checkStoredExtends, readChainHead, verifyStoredRecord } from './record-repo';
import { startUpDatabase } from './start-up';
import { datasetTableNamesAt, datasetTables, writeDataset } from './tables';
import { createCase } from './case-actions';
import { addAccount, signInAs } from './test-accounts';
import { workstationId } from './workstation-repo';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { createAppI18n } from '../i18n';
import { recordAlarmText } from '../i18n/record';
import { caseEventsOf } from '../../shared/cases/data-events';
import { loadFeedConfig } from './phones-repo';
import { recordPositionReports } from './positions-repo';

const NOW = Date.UTC(2026, 11, 2, 2, 0);
let sample: TownshipDataset;
let serial = 0;
const names: string[] = [];

beforeAll(async () => {
  const parsed = parseDatasetFiles([
    { fileName: 'township.json', json: await readCommitted('township.json') },
    { fileName: 'cases.json', json: await readCommitted('cases.json') },
  ]);
  if (!parsed.ok) throw new Error('the committed sample does not parse');
  sample = parsed.dataset;
}, 60_000);
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

function dbName(): string {
  const name = `store-upgrade-test-${serial++}`;
  names.push(name);
  return name;
}

/** Opens `name` declaring store versions 1…`version` only, as that build did (no upgrade hooks needed). */
function openAsVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (let v = 1; v <= version; v += 1) db.version(v).stores(layoutChangesAt(v));
  return db;
}

/** A version-2 database of `dataset` whose record had event `editedSeq` altered before the upgrade. */
async function makeTamperedV2Database(dataset: TownshipDataset, editedSeq: number): Promise<string> {
  const name = dbName();
  const record = buildRecordV2(dataset);
  const old = openAsVersion(name, 2);
  await old.transaction('rw', old.tables, async (tx) => {
    await writeDataset(datasetTables(tx), dataset, {});
    await tx.table('caseLoops').bulkAdd([...record.loops]);
    await tx
      .table('events')
      .bulkAdd(
        record.events.map((e) => (e.seq === editedSeq ? { ...e, actor: { ...e.actor, name: '冒名' } } : e)),
      );
    await tx.table('meta').put({ key: 'chainHead', value: record.head });
  });
  old.close();
  return name;
}

async function makeV1Database(): Promise<string> {
  const name = dbName();
  const old = openAsVersion(name, 1);
  await old.transaction('rw', datasetTableNamesAt(1), (tx) =>
    writeDataset(datasetTables(tx), sample, { seededAt: NOW - 86_400_000 }),
  );
  old.close();
  return name;
}

/** A version-2 database of the sample, with its record, a photo, an account and a backup's head. */
async function makeV2Database(): Promise<{ name: string; head: ChainHead; backupHead: ChainHead }> {
  const name = dbName();
  const record = buildRecordV2(sample);
  const anchorEvent = record.events[19_999]!;
  const backupHead = { count: anchorEvent.seq, lastHash: anchorEvent.hash };
  const old = openAsVersion(name, 2);
  await old.transaction('rw', old.tables, async (tx) => {
    await writeDataset(datasetTables(tx), sample, { seededAt: NOW - 86_400_000 });
    await tx.table('caseLoops').bulkAdd([...record.loops]);
    await tx.table('events').bulkAdd([...record.events]);
    await tx.table('meta').bulkPut([
      { key: 'chainHead', value: record.head },
      { key: 'lastBackupHead', value: { ...backupHead, exportedAt: NOW - 3_600_000 } },
    ]);
    await tx.table('attachments').add({
      id: 'att-1',
      caseId: sample.cases[10]!.id,
      name: '现场.jpg',
      type: 'image/jpeg',
      size: 3,
      blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
      thumbnail: null,
      addedAt: NOW - 7_200_000,
      addedBy: 'op',
    });
  });
  old.close();
  return { name, head: record.head, backupHead };
}

/** Every id of the upgraded store: cases, loop rows, events and attachments all scoped by `ws`. */
async function expectScoped(db: GridDeskDb, ws: string): Promise<void> {
  const cases = await db.cases.toArray();
  expect(cases).toHaveLength(sample.cases.length);
  const byNo = new Map(sample.cases.map((c) => [c.caseNo, c]));
  for (const kase of cases) {
    expect(kase.id).toBe(`${ws}-${kase.caseNo}`);
    expect({ ...kase, id: byNo.get(kase.caseNo)?.id }).toEqual(byNo.get(kase.caseNo));
  }
  const ids = new Set(cases.map((c) => c.id));
  expect((await db.caseLoops.toCollection().primaryKeys()).every((id) => ids.has(id))).toBe(true);
  expect(await db.caseLoops.count()).toBe(cases.length);
  const eventCases = (await db.events.orderBy('caseId').uniqueKeys()).map(String);
  expect(eventCases.sort()).toEqual([...ids].sort());
  const events = await db.events.orderBy('seq').toArray();
  expect(events.every((e) => e.id === `${ws}-${e.seq}`)).toBe(true);
}

describe('upgrading a record that was already broken', () => {
  it('keeps the alarm: the re-chained record verifies, but the start-up check names the old edit', async () => {
    const db = new GridDeskDb(await makeTamperedV2Database(makeFixtureDataset(), 3));
    const started = await startUpDatabase(db, () => Promise.reject(new Error('must not seed')), NOW);
    expect(started.health).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'legacyRecord', problem: 'edited', seq: 3 }],
    });
    const translate = createAppI18n('zh-CN').global.t as Parameters<typeof recordAlarmText>[0];
    const format = { count: String, time: String };
    expect(recordAlarmText(translate, { kind: 'legacyRecord', problem: 'edited', seq: 3 }, format)).toBe(
      '升级编号时发现原记录已损坏：第 3 条事件内容与哈希不符，已被改动（升级前的问题，保留告警）',
    );
    db.close();
  });
});

describe('upgrading a real database of the sample to the current store version', () => {
  it('takes a version-1 database (no record) through versions 2 to 5: record built, ids scoped, verified', async () => {
    const name = await makeV1Database();
    const db = new GridDeskDb(name);
    const started = await startUpDatabase(db, () => Promise.reject(new Error('must not seed')), NOW);
    expect({ health: started.health, seed: started.seed }).toEqual({ health: { status: 'ok' }, seed: null });
    expect(db.verno).toBe(STORE_VERSION);
    const ws = await workstationId(db);
    expect(isWorkstationId(ws)).toBe(true);
    await expectScoped(db, ws);
    const verified = await verifyStoredRecord(db);
    expect(verified.result).toEqual({ ok: true });
    expect(verified.count).toBeGreaterThan(30_000);
    db.close();
  }, 120_000);

  it('takes a version-2 database through versions 3 to 5 keeping everything, and heads noted before still check', async () => {
    const { name, head: oldHead, backupHead } = await makeV2Database();
    let db = new GridDeskDb(name);
    const started = await startUpDatabase(db, () => Promise.reject(new Error('must not seed')), NOW);
    // The newest backup's head moved with the record: the start-up check passes through it.
    expect({ health: started.health, seed: started.seed }).toEqual({ health: { status: 'ok' }, seed: null });
    const ws = await workstationId(db);
    await expectScoped(db, ws);
    expect((await db.attachments.get('att-1'))?.caseId).toBe(`${ws}-${sample.cases[10]!.caseNo}`);
    // Version 4: each loop row notes its case's latest event, and the index finds the recent ones.
    const latest = new Map<string, number>();
    for (const e of caseEventsOf(await db.events.toArray()))
      latest.set(e.caseId, Math.max(e.at, latest.get(e.caseId) ?? 0));
    const loops = await db.caseLoops.toArray();
    expect(loops.length).toBe(sample.cases.length);
    expect(loops.filter((row) => row.lastAt !== latest.get(row.caseId))).toEqual([]);
    const dayBefore = Math.max(...latest.values()) - 86_400_000;
    const recent = [...latest].filter(([, at]) => at >= dayBefore).map(([id]) => id);
    expect(recent.length).toBeGreaterThan(0);
    expect((await db.caseLoops.where('lastAt').aboveOrEqual(dayBefore).primaryKeys()).sort()).toEqual(
      recent.sort(),
    );
    const head = await readChainHead(db);
    expect(head.count).toBe(oldHead.count);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    // A head written down before the upgrade (at the end, or a backup's) is still checked.
    expect((await checkStoredExtends(db, oldHead)).result).toMatchObject({ ok: true, legacy: true });
    expect((await checkStoredExtends(db, backupHead)).result).toMatchObject({ ok: true, legacy: true });
    expect((await db.meta.get('recordRekey'))?.value).toMatchObject({ before: oldHead, after: head });

    // Work goes on: a new case continues the year's numbers under this workstation's id.
    await addAccount(db, 'op', 'operator');
    const session = await signInAs(db, 'op');
    const last = sample.cases
      .map((c) => c.caseNo)
      .sort()
      .at(-1)!;
    const draft = sample.cases.at(-1)!;
    const made = await createCase(
      db,
      {
        source: 'hotline',
        matterCode: draft.matterCode,
        urgency: 'normal',
        description: '升级后的第一件',
        address: draft.address,
        location: draft.location,
        gridCode: draft.gridCode,
        teamId: draft.teamId,
      },
      [],
      session,
      Date.parse(`${last.slice(0, 4)}-12-31T00:00:00Z`),
    );
    if (!made.ok) throw new Error(made.reason.key);
    const next = `${last.slice(0, 4)}-${String(Number(last.slice(5)) + 1).padStart(6, '0')}`;
    expect(made.kase).toMatchObject({ id: `${ws}-${next}`, caseNo: next });
    expect(made.events[0]?.id).toBe(`${ws}-${head.count + 1}`);
    db.close();

    // Opening again changes nothing: the upgrade ran once.
    db = new GridDeskDb(name);
    expect(await workstationId(db)).toBe(ws);
    expect((await readChainHead(db)).count).toBe(head.count + 1);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    db.close();
  }, 120_000);
});

describe('upgrading a version-6 database (tracks, phones) to version 7', () => {
  it('adds the geofence’s watches and alerts, empty, keeping the tracks and the phones’ settings', async () => {
    const name = dbName();
    const fixture = makeFixtureDataset();
    const officerId = fixture.officers[0]!.id;
    // The phones' settings as a version-6 build stored them: no geofence threshold yet.
    const feed = {
      enabled: true,
      port: 5055,
      reach: 'network',
      bindings: [{ deviceId: '317401', officerId, token: null }],
      traccar: null,
    };
    const point = { officerId, at: NOW - 60_000, position: [118.32, 34.355], speed: null };
    const old = openAsVersion(name, 6);
    await old.transaction('rw', old.tables, async (tx) => {
      await writeDataset(datasetTables(tx), fixture, {});
      await tx.table('meta').bulkPut([
        { key: 'chainHead', value: { count: 0, lastHash: '0'.repeat(64) } },
        { key: 'positionFeed', value: feed },
      ]);
      await tx.table('trackPoints').add(point);
    });
    old.close();

    const db = new GridDeskDb(name);
    await db.open();
    expect(db.verno).toBe(STORE_VERSION);
    expect(STORE_VERSION).toBe(7);
    expect(await db.geofenceWatches.count()).toBe(0);
    expect(await db.geofenceAlerts.count()).toBe(0);
    expect(await db.trackPoints.toArray()).toEqual([point]);
    expect(await loadFeedConfig(db)).toEqual({ ...feed, geofenceMinutes: 10, offlineAfterMs: 300_000 });
    // The position path now writes them.
    await recordPositionReports(db, [{ officerId, position: [118.36, 34.355], at: NOW }], NOW);
    expect((await db.geofenceWatches.get(officerId))?.stretch).toMatchObject({ since: NOW });
    db.close();
  });
});
