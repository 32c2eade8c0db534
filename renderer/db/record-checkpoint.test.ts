import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import {
  readChainHead,
  readVerifiedCheckpoint,
  verifyStoredRecord,
  verifyStoredRecordSinceCheckpoint,
} from './record-repo';
import { appendEventSync } from '../../shared/cases/record';
import type { StoredCaseEvent } from '../../shared/cases/history';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { createAppI18n } from '../i18n';

const names: string[] = [];
let serial = 0;
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

async function fixtureDb(): Promise<GridDeskDb> {
  const name = `record-checkpoint-test-${serial++}`;
  names.push(name);
  const db = new GridDeskDb(name);
  await replaceDataset(db, makeFixtureDataset());
  return db;
}

/** Appends `n` 备注 events to the record with the head, as a write does (one transaction). */
async function appendNotes(db: GridDeskDb, n: number): Promise<void> {
  await db.transaction('rw', db.events, db.meta, async () => {
    let head = await readChainHead(db);
    const last = (await db.events.get(head.count))!;
    for (let i = 0; i < n; i += 1) {
      const { seq: _s, prevHash: _p, hash: _h, ...body } = last;
      const appended = appendEventSync(head, {
        ...body,
        id: `${body.id}-n${i}`,
        at: body.at + 60_000 * (i + 1),
        action: { type: 'note', payload: { text: `note ${i}` } },
      });
      await db.events.add(appended.event as StoredCaseEvent);
      head = appended.head;
    }
    await db.meta.put({ key: 'chainHead', value: head });
  });
}

/** Rewrites one stored event's time in place (a change by hand in the database). */
async function editAt(db: GridDeskDb, seq: number): Promise<void> {
  const event = (await db.events.get(seq))!;
  await db.events.put({ ...event, at: event.at + 1 });
}

describe('the incremental record check', () => {
  it('needs a full check first; a passing full check keeps the head as the verified point', async () => {
    const db = await fixtureDb();
    const first = await verifyStoredRecordSinceCheckpoint(db);
    expect(first.outcome).toEqual({ kind: 'needsFull', reason: 'noCheckpoint' });
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    const head = await readChainHead(db);
    expect(await readVerifiedCheckpoint(db)).toMatchObject({ count: head.count, lastHash: head.lastHash });
    db.close();
  });

  it('checks only the events written since the point and moves the point to the head', async () => {
    const db = await fixtureDb();
    await verifyStoredRecord(db);
    const before = (await readChainHead(db)).count;
    await appendNotes(db, 5);
    const { outcome } = await verifyStoredRecordSinceCheckpoint(db);
    expect(outcome).toEqual({ kind: 'checked', from: before, to: before + 5, result: { ok: true } });
    expect((await readVerifiedCheckpoint(db))?.count).toBe(before + 5);
    db.close();
  });

  it('does not re-check an event edited before the point, which the full check finds', async () => {
    const db = await fixtureDb();
    await verifyStoredRecord(db);
    const point = (await readChainHead(db)).count;
    await editAt(db, 2);
    await appendNotes(db, 3);
    const { outcome } = await verifyStoredRecordSinceCheckpoint(db);
    expect(outcome).toEqual({ kind: 'checked', from: point, to: point + 3, result: { ok: true } });
    expect((await verifyStoredRecord(db)).result).toMatchObject({ ok: false, kind: 'edited', seq: 2 });
    db.close();
  });

  it('finds an event edited after the point and leaves the point where it was', async () => {
    const db = await fixtureDb();
    await verifyStoredRecord(db);
    const point = (await readChainHead(db)).count;
    await appendNotes(db, 4);
    await editAt(db, point + 2);
    const { outcome } = await verifyStoredRecordSinceCheckpoint(db);
    expect(outcome).toMatchObject({
      kind: 'checked',
      from: point,
      result: { kind: 'edited', seq: point + 2 },
    });
    expect((await readVerifiedCheckpoint(db))?.count).toBe(point);
    db.close();
  });

  it('names the event at the point when it was edited, and asks for the full check when it was replaced', async () => {
    const db = await fixtureDb();
    await verifyStoredRecord(db);
    const point = (await readChainHead(db)).count;
    await editAt(db, point);
    expect((await verifyStoredRecordSinceCheckpoint(db)).outcome).toMatchObject({
      kind: 'checked',
      result: { kind: 'edited', seq: point },
    });
    const event = (await db.events.get(point))!;
    await db.events.put({ ...event, hash: 'f'.repeat(64) });
    expect((await verifyStoredRecordSinceCheckpoint(db)).outcome).toEqual({
      kind: 'needsFull',
      reason: 'checkpointMoved',
    });
    db.close();
  });

  it('says in its message what it covered and that the full check covers the rest', () => {
    const { t } = createAppI18n('zh-CN').global;
    expect(t('recordDialog.sinceOk', { from: 40, checked: 100, count: 140 })).toBe(
      '自上次核验点（第 40 条）以来新增的 100 条记录完整，共 140 条。核验点之前的记录这次未重算，其中的改动只有“开始核验”（完整核验）能发现。',
    );
  });
});
