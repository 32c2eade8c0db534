import { describe, expect, it } from 'vitest';
import { EMPTY_HEAD, GENESIS_HASH, appendEventSync, type ChainHead } from './record';
import { checkRecordHealth, type RecordFacts } from './record-health';

/** A record of `n` report-like events over cases a and b, with its head. */
function record(n: number): { events: ReturnType<typeof appendEventSync>['event'][]; head: ChainHead } {
  let head = EMPTY_HEAD;
  const events = [];
  for (let i = 0; i < n; i += 1) {
    const appended = appendEventSync(head, {
      caseId: i % 2 === 0 ? 'a' : 'b',
      at: 1000 + i,
      note: `第${i}步`,
    });
    events.push(appended.event);
    head = appended.head;
  }
  return { events, head };
}

/** The facts of a healthy database holding cases a and b and a record of five events. */
function healthyFacts(): RecordFacts {
  const { events, head } = record(5);
  return {
    hasDataset: true,
    head,
    eventCount: events.length,
    lastEvent: events[4]!,
    caseIds: ['a', 'b'],
    loopCaseIds: ['a', 'b'],
    eventCaseIds: ['a', 'b'],
  };
}

describe('checkRecordHealth', () => {
  it('calls a database with nothing stored empty, the only state seeding may write to', () => {
    const nothing: RecordFacts = {
      hasDataset: false,
      head: null,
      eventCount: 0,
      lastEvent: null,
      caseIds: [],
      loopCaseIds: [],
      eventCaseIds: [],
    };
    expect(checkRecordHealth(nothing)).toEqual({ status: 'empty' });
    expect(checkRecordHealth({ ...nothing, caseIds: ['a'] }).status).toBe('alarm');
    expect(checkRecordHealth({ ...nothing, loopCaseIds: ['a'] }).status).toBe('alarm');
    expect(checkRecordHealth({ ...nothing, head: EMPTY_HEAD }).status).toBe('alarm');
    // A centre whose set-up was undone: two data events (an import and its undo), no data, no case.
    let head = EMPTY_HEAD;
    let last = null;
    for (const type of ['dataImport', 'dataImportUndo']) {
      const appended = appendEventSync(head, { action: { type }, at: 1000 });
      head = appended.head;
      last = appended.event;
    }
    const undone = { ...nothing, head, eventCount: 2, lastEvent: last };
    expect(checkRecordHealth(undone)).toEqual({ status: 'ok' });
    expect(checkRecordHealth({ ...undone, eventCaseIds: ['a'] }).status).toBe('alarm');
    expect(checkRecordHealth({ ...nothing, hasDataset: true })).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'headMissing', events: 0 }],
    });
  });

  it('passes a record whose head matches its last event, and a dataset with no cases yet', () => {
    expect(checkRecordHealth(healthyFacts())).toEqual({ status: 'ok' });
    const noCases: RecordFacts = {
      hasDataset: true,
      head: EMPTY_HEAD,
      eventCount: 0,
      lastEvent: null,
      caseIds: [],
      loopCaseIds: [],
      eventCaseIds: [],
    };
    expect(checkRecordHealth(noCases)).toEqual({ status: 'ok' });
  });

  it('raises a missing head with the number of events it leaves unanchored', () => {
    expect(checkRecordHealth({ ...healthyFacts(), head: null })).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'headMissing', events: 5 }],
    });
  });

  it('raises a head that counts other events than the table holds', () => {
    const facts = healthyFacts();
    expect(checkRecordHealth({ ...facts, eventCount: 4 })).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'headCount', headCount: 5, events: 4 }],
    });
  });

  it('raises a last event that is not numbered as the head counts', () => {
    const { events } = record(6);
    const facts = { ...healthyFacts(), lastEvent: events[5]! };
    expect(checkRecordHealth(facts)).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'lastSeq', headCount: 5, seq: 6 }],
    });
  });

  it('raises a last event replaced by another one with the same seq', () => {
    const { events } = record(4);
    const other = appendEventSync(
      { count: 4, lastHash: events[3]!.hash },
      { caseId: 'a', at: 1, note: '改写' },
    );
    expect(checkRecordHealth({ ...healthyFacts(), lastEvent: other.event })).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'lastHash', seq: 5 }],
    });
    const emptyWithHash = { ...healthyFacts(), head: { count: 0, lastHash: 'a'.repeat(64) }, eventCount: 0 };
    expect(checkRecordHealth({ ...emptyWithHash, lastEvent: null })).toMatchObject({
      alarms: [{ kind: 'lastHash', seq: 0 }],
    });
  });

  it('raises a last event whose content no longer hashes to its hash', () => {
    const facts = healthyFacts();
    const edited = { ...facts.lastEvent!, note: '改过' };
    expect(checkRecordHealth({ ...facts, lastEvent: edited })).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'lastEdited', seq: 5 }],
    });
  });

  it('raises cases without their loop row or events, and record rows of cases that are gone', () => {
    const facts = healthyFacts();
    expect(
      checkRecordHealth({ ...facts, caseIds: ['a', 'b', 'c', 'd'], loopCaseIds: ['a', 'b', 'd'] }),
    ).toEqual({
      status: 'alarm',
      alarms: [
        { kind: 'casesWithoutLoop', count: 1, first: 'c' },
        { kind: 'casesWithoutEvents', count: 2, first: 'c' },
      ],
    });
    expect(checkRecordHealth({ ...facts, caseIds: ['a'] })).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'recordWithoutCase', count: 1, first: 'b' }],
    });
  });

  it('raises a record without its dataset', () => {
    expect(checkRecordHealth({ ...healthyFacts(), hasDataset: false })).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'datasetMissing' }],
    });
  });

  it('checks the record still passes through the head of the newest backup exported here', () => {
    const { events } = record(5);
    const exportedAt = 1_700_000_000_000;
    const at3 = { head: { count: 3, lastHash: events[2]!.hash }, exportedAt, event: events[2]! };
    expect(checkRecordHealth({ ...healthyFacts(), backupAnchor: at3 })).toEqual({ status: 'ok' });
    const rewritten = appendEventSync(
      { count: 2, lastHash: events[1]!.hash },
      { caseId: 'a', at: 1, note: '改写' },
    );
    expect(
      checkRecordHealth({ ...healthyFacts(), backupAnchor: { ...at3, event: rewritten.event } }),
    ).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'backupAnchor', count: 3, exportedAt, shorter: false }],
    });
    const editedInPlace = { ...events[2]!, note: '改过' };
    expect(
      checkRecordHealth({ ...healthyFacts(), backupAnchor: { ...at3, event: editedInPlace } }),
    ).toMatchObject({
      alarms: [{ kind: 'backupAnchor', count: 3 }],
    });
    const beyond = { head: { count: 9, lastHash: GENESIS_HASH.replace(/^0/, '1') }, exportedAt, event: null };
    expect(checkRecordHealth({ ...healthyFacts(), backupAnchor: beyond })).toEqual({
      status: 'alarm',
      alarms: [{ kind: 'backupAnchor', count: 9, exportedAt, shorter: true }],
    });
  });
});
