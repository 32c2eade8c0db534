import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../model/case';
import type { Matter } from '../model/matter';
import { buildRecordV2 } from '../cases/build-record';
import type { StoredCaseEvent, StoredCaseEventV2 } from '../cases/history';
import { eventHashSync, verifyRecord, type ChainHead } from '../cases/record';
import { checkExtends } from '../cases/record-anchor';
import { TEST_WORKSTATION } from '../cases/test-actions';
import { readCommitted } from '../sample/test-committed';
import { STORE_STEPS, StoreMigrationError, storeStep, type RecordRekey } from './store-migrations';
import { STORE_TABLE_NAMES, STORE_VERSION, tableExistsAt } from './store-tables';

const NOW = Date.UTC(2026, 11, 2, 1, 0);
let cases: Case[];
let matters: Matter[];
let record: ReturnType<typeof buildRecordV2>;

beforeAll(async () => {
  cases = ((await readCommitted('cases.json')) as Case[]).slice(0, 400);
  matters = ((await readCommitted('township.json')) as { matters: Matter[] }).matters;
  record = buildRecordV2({ cases, matters });
});

interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}
const meta = (rows: readonly unknown[] | undefined, key: string): unknown =>
  (rows as MetaRow[] | undefined)?.find((row) => row.key === key)?.value;

/** The version-3 step run on a version-2 store holding `events` (by default the sample's record). */
function step3(
  events: readonly StoredCaseEventV2[] = record.events,
  head: ChainHead = record.head,
  extraMeta: MetaRow[] = [],
) {
  return storeStep(3).run(
    {
      meta: [{ key: 'schemaVersion', value: 1 }, { key: 'chainHead', value: head }, ...extraMeta],
      cases,
      caseLoops: record.loops,
      events,
      attachments: [{ id: 'att-1', caseId: cases[7]!.id, name: '现场.jpg' }],
    },
    { workstationId: TEST_WORKSTATION, now: NOW },
  );
}

describe('the store migration steps', () => {
  it('are one per store version, and each says what it does to every table that exists by then', () => {
    expect(STORE_STEPS.map((s) => s.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(STORE_STEPS).toHaveLength(STORE_VERSION);
    for (const step of STORE_STEPS) {
      expect(Object.keys(step.changes).sort(), `step ${step.version}`).toEqual([...STORE_TABLE_NAMES].sort());
      for (const name of STORE_TABLE_NAMES) {
        const change = step.changes[name];
        const existed = tableExistsAt(name, step.version - 1);
        const exists = tableExistsAt(name, step.version);
        if (!exists) expect(change, `${name} at ${step.version}`).toBe('absent');
        else if (!existed && step.version > 1)
          expect(['created', 'rewritten'], `${name} at ${step.version}`).toContain(change);
        else expect(['unchanged', 'rewritten', 'created'], `${name} at ${step.version}`).toContain(change);
        if (change === 'rewritten') expect(step.reads).toContain(name);
      }
    }
  });

  it('version 2 builds the record of a version-1 store’s cases, once, and nothing for an empty store', () => {
    const built = storeStep(2).run(
      { meta: [{ key: 'schemaVersion', value: 1 }], cases, matters, caseLoops: [], events: [] },
      { workstationId: TEST_WORKSTATION, now: NOW },
    );
    expect(built.events).toEqual(record.events);
    expect(meta(built.meta, 'chainHead')).toEqual(record.head);
    const empty = storeStep(2).run(
      { meta: [], cases: [], matters, caseLoops: [], events: [] },
      {
        workstationId: TEST_WORKSTATION,
        now: NOW,
      },
    );
    expect(empty.events).toEqual([]);
    expect(meta(empty.meta, 'chainHead')).toBeUndefined();
  });

  it('version 3 scopes case and event ids by the workstation and re-chains the record over them', async () => {
    const out = step3();
    const events = out.events as StoredCaseEvent[];
    const head = meta(out.meta, 'chainHead') as ChainHead;
    expect((out.cases as Case[]).map((c) => c.id)).toEqual(
      cases.map((c) => `${TEST_WORKSTATION}-${c.caseNo}`),
    );
    expect(new Set(events.map((e) => e.caseId))).toEqual(new Set((out.cases as Case[]).map((c) => c.id)));
    expect((out.caseLoops as { caseId: string }[]).map((r) => r.caseId).sort()).toEqual(
      (out.cases as Case[]).map((c) => c.id).sort(),
    );
    expect(out.attachments).toEqual([
      { id: 'att-1', caseId: `${TEST_WORKSTATION}-${cases[7]!.caseNo}`, name: '现场.jpg' },
    ]);
    expect(events.map((e) => [e.seq, e.id, e.legacyHash])).toEqual(
      record.events.map((e) => [e.seq, `${TEST_WORKSTATION}-${e.seq}`, e.hash]),
    );
    // Everything but the ids and the chain is as it was.
    const strip = ({
      id: _i,
      legacyHash: _l,
      caseId: _c,
      hash: _h,
      prevHash: _p,
      ...rest
    }: StoredCaseEvent) => rest;
    const stripOld = ({ caseId: _c, hash: _h, prevHash: _p, ...rest }: StoredCaseEventV2) => rest;
    expect(events.map(strip)).toEqual(record.events.map(stripOld));
    expect(await verifyRecord(events, head)).toEqual({ ok: true });
    expect(head.count).toBe(record.head.count);
    expect(meta(out.meta, 'workstation')).toEqual({ id: TEST_WORKSTATION, createdAt: NOW });
    expect(meta(out.meta, 'recordRekey')).toEqual({
      at: NOW,
      workstationId: TEST_WORKSTATION,
      before: record.head,
      after: head,
    } satisfies RecordRekey);
    // Heads noted before the upgrade, at its end and half-way, still check against the kept hashes.
    const half = record.events[Math.floor(record.events.length / 2)]!;
    expect(await checkExtends(events, record.head)).toMatchObject({ ok: true, legacy: true });
    expect(await checkExtends(events, { count: half.seq, lastHash: half.hash })).toMatchObject({
      ok: true,
      legacy: true,
    });
    expect(await checkExtends(events, { count: half.seq, lastHash: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      kind: 'differs',
    });
    // Deterministic: the same store and workstation give the same record.
    expect(step3().events).toEqual(events);
  });

  it('moves the newest backup’s head with the record only when the old record passed through it', () => {
    const at = record.events[99]!;
    const passing = step3(undefined, undefined, [
      { key: 'lastBackupHead', value: { count: 100, lastHash: at.hash, exportedAt: 5 } },
    ]);
    const moved = (passing.events as StoredCaseEvent[])[99]!;
    expect(meta(passing.meta, 'lastBackupHead')).toEqual({ count: 100, lastHash: moved.hash, exportedAt: 5 });
    const stale = { count: 100, lastHash: 'e'.repeat(64), exportedAt: 5 };
    expect(
      meta(step3(undefined, undefined, [{ key: 'lastBackupHead', value: stale }]).meta, 'lastBackupHead'),
    ).toEqual(stale);
  });

  it('keeps what was wrong with an old record: the problem is noted and the gap or edit is still there', async () => {
    const edited = record.events.map((e, i) => (i === 9 ? { ...e, at: e.at + 1 } : e));
    const out = step3(edited);
    expect((meta(out.meta, 'recordRekey') as RecordRekey).problem).toEqual({ kind: 'edited', seq: 10 });
    const gap = record.events.filter((_, i) => i !== 20);
    const withGap = step3(gap);
    expect((meta(withGap.meta, 'recordRekey') as RecordRekey).problem).toEqual({ kind: 'removed', seq: 21 });
    const events = withGap.events as StoredCaseEvent[];
    expect(await verifyRecord(events, meta(withGap.meta, 'chainHead') as ChainHead)).toMatchObject({
      ok: false,
      kind: 'removed',
      seq: 21,
    });
    expect(eventHashSync(events[0]!)).toBe(events[0]!.hash);
  });

  it('refuses two cases with one number, since they would get one id', () => {
    const twin = { ...cases[1]!, id: 'case-twin', caseNo: cases[0]!.caseNo };
    expect(() =>
      storeStep(3).run(
        { meta: [], cases: [cases[0]!, twin], caseLoops: [], events: [], attachments: [] },
        {
          workstationId: TEST_WORKSTATION,
          now: NOW,
        },
      ),
    ).toThrow(StoreMigrationError);
  });

  it('version 4 notes in each loop row the time of its case’s latest event, and changes nothing else', () => {
    const events = [
      { seq: 1, caseId: 'a', at: 100 },
      { seq: 2, caseId: 'b', at: 150 },
      { seq: 3, caseId: 'a', at: 200 },
    ];
    const loops = [
      { caseId: 'a', state: 'A', lastSeq: 3 },
      { caseId: 'b', state: 'B', lastSeq: 2 },
      { caseId: 'c', state: 'C', lastSeq: 0 },
    ];
    const out = storeStep(4).run({ caseLoops: loops, events }, { workstationId: TEST_WORKSTATION, now: NOW });
    expect(out).toEqual({
      caseLoops: [
        { caseId: 'a', state: 'A', lastSeq: 3, lastAt: 200 },
        { caseId: 'b', state: 'B', lastSeq: 2, lastAt: 150 },
        { caseId: 'c', state: 'C', lastSeq: 0, lastAt: 0 },
      ],
    });
  });
});
