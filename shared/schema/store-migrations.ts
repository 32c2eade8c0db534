/**
 * Migration steps of the stored tables (store-tables.ts), one per store version, each naming what it
 * does to EVERY table: absent (not there yet), created (appears empty), unchanged, or rewritten from
 * the rows it read. The Dexie upgrade hooks run them (renderer/db/store-upgrade.ts) inside the
 * version-change transaction, so a step that throws leaves the database as it was; backups of an
 * older format run the same steps (shared/backup/backup.ts). Steps are pure and deterministic: given
 * the same rows and workstation id they give the same result, so a database upgraded in place and a
 * backup of it restored on the same PC end with the same record.
 *
 * The dataset document (township.json, imports) has its own version and steps (migrations.ts); store
 * version 1 is that document written into tables.
 */
import type { Case } from '../model/case';
import type { Matter } from '../model/matter';
import { scopedCaseId, scopedEventId, type WorkstationInfo } from '../model/ids';
import { buildRecordV2 } from '../cases/build-record';
import type { CaseLoopRow } from '../cases/build-record';
import type { StoredCaseEvent, StoredCaseEventV2 } from '../cases/history';
import { EMPTY_HEAD, GENESIS_HASH, eventHashSync, verifyRecordSync, type ChainHead } from '../cases/record';
import { STORE_TABLE_NAMES, STORE_VERSION, type StoreTableName } from './store-tables';

export interface StoreMigrationContext {
  /** This installation's workstation id; a step that needs one and finds none stored uses this. */
  readonly workstationId: string;
  /** When the migration runs, epoch ms. */
  readonly now: number;
}

/** The rows of the tables a step reads, by table, as stored (the old layout, so not yet typed). */
export type StoreRows = Partial<Record<StoreTableName, readonly unknown[]>>;

/** What one step does to one table. */
export type TableStep<P> =
  | 'absent'
  | 'created'
  | 'unchanged'
  | { readonly rewrite: (rows: readonly unknown[], prepared: P) => readonly unknown[] };

export interface StoreMigrationStep<P = unknown> {
  /** The store version this step leads to. */
  readonly version: number;
  readonly summary: string;
  /** The tables read before the step; every rewritten table is among them. */
  readonly reads: readonly StoreTableName[];
  /** Works out, once, what the table rewrites share. Throws {@link StoreMigrationError} to refuse. */
  prepare(rows: StoreRows, context: StoreMigrationContext): P;
  readonly tables: { readonly [N in StoreTableName]: TableStep<P> };
}

/** A step refused the stored data; the upgrade aborts and nothing changes. */
export class StoreMigrationError extends Error {
  override readonly name = 'StoreMigrationError';
  constructor(
    readonly key: 'store.duplicateCaseNo' | 'store.caseWithoutNumber',
    readonly params: Readonly<Record<string, string | number>>,
  ) {
    super(`${key}: ${JSON.stringify(params)}`);
  }
}

/** A `meta` row: a key and its value. */
interface MetaRowLike {
  readonly key: string;
  readonly value: unknown;
}

function metaValue(rows: readonly unknown[] | undefined, key: string): unknown {
  return (rows as readonly MetaRowLike[] | undefined)?.find((row) => row.key === key)?.value;
}

function isHead(value: unknown): value is ChainHead {
  const head = value as Partial<ChainHead> | undefined;
  return typeof head?.count === 'number' && typeof head.lastHash === 'string';
}

/** Every table as `absent`, for building a step's table map. */
function allTables<P>(step: TableStep<P>): { [N in StoreTableName]: TableStep<P> } {
  return Object.fromEntries(STORE_TABLE_NAMES.map((name) => [name, step])) as {
    [N in StoreTableName]: TableStep<P>;
  };
}

const step1: StoreMigrationStep<null> = {
  version: 1,
  summary: 'the dataset in tables (its document steps run in migrations.ts)',
  reads: [],
  prepare: () => null,
  tables: {
    ...allTables<null>('created'),
    caseLoops: 'absent',
    events: 'absent',
    accounts: 'absent',
    attachments: 'absent',
    caseTallies: 'absent',
    dayTallies: 'absent',
    historyCases: 'absent',
    trackPoints: 'absent',
    geofenceWatches: 'absent',
    geofenceAlerts: 'absent',
  },
};

type Step2 = ReturnType<typeof buildRecordV2> | null;

/** Version 2: the case loop. A version-1 database's cases get their loop state and record, once. */
const step2: StoreMigrationStep<Step2> = {
  version: 2,
  summary: 'the case loop: loop state per case and the hash-chained record, built from the histories',
  reads: ['meta', 'cases', 'matters', 'caseLoops', 'events'],
  prepare(rows) {
    const cases = (rows.cases ?? []) as readonly Case[];
    if (metaValue(rows.meta, 'schemaVersion') === undefined && cases.length === 0) return null;
    return buildRecordV2({ cases, matters: (rows.matters ?? []) as readonly Matter[] });
  },
  tables: {
    ...allTables<Step2>('unchanged'),
    meta: {
      rewrite: (rows, built) =>
        built === null
          ? rows
          : [
              ...(rows as readonly MetaRowLike[]).filter((row) => row.key !== 'chainHead'),
              { key: 'chainHead', value: built.head },
            ],
    },
    caseLoops: { rewrite: (_rows, built) => built?.loops ?? [] },
    events: { rewrite: (_rows, built) => built?.events ?? [] },
    accounts: 'created',
    attachments: 'created',
    caseTallies: 'absent',
    dayTallies: 'absent',
    historyCases: 'absent',
    trackPoints: 'absent',
    geofenceWatches: 'absent',
    geofenceAlerts: 'absent',
  },
};

/** The first thing wrong with a version-2 record, found while its ids were scoped. */
export interface LegacyRecordProblem {
  readonly kind: 'edited' | 'removed' | 'reordered' | 'truncated' | 'headMismatch';
  /** The event's seq, or the count the head names for `truncated`/`headMismatch`. */
  readonly seq: number;
}

/** What `meta.recordRekey` keeps about the version-3 step: the record's head before and after it. */
export interface RecordRekey {
  /** When the ids were scoped, epoch ms. */
  readonly at: number;
  readonly workstationId: string;
  /** The head as it was, with the old ids: heads noted before `at` are checked against legacyHash. */
  readonly before: ChainHead;
  readonly after: ChainHead;
  /** Set when the old record did not verify: the alarm it would have raised stays raised. */
  readonly problem?: LegacyRecordProblem;
}

interface Step3 {
  readonly workstation: WorkstationInfo;
  readonly caseId: (old: string) => string;
  readonly events: readonly StoredCaseEvent[];
  readonly rekey: RecordRekey;
  readonly newHashBySeq: ReadonlyMap<number, string>;
  readonly oldHashBySeq: ReadonlyMap<number, string>;
}

/** The first thing wrong with a version-2 record, by the record's own check (record.ts). */
function checkLegacyRecord(
  events: readonly StoredCaseEventV2[],
  head: ChainHead,
): LegacyRecordProblem | undefined {
  const result = verifyRecordSync(events, head);
  if (result.ok || result.kind === 'cancelled') return undefined;
  return { kind: result.kind, seq: 'seq' in result ? result.seq : result.expectedCount };
}

function mapCaseIds(
  workstationId: string,
  cases: readonly Case[],
  events: readonly StoredCaseEventV2[],
): Map<string, string> {
  const ids = new Map<string, string>();
  const byNo = new Map<string, string>();
  const claim = (oldId: string, caseNo: string): void => {
    const holder = byNo.get(caseNo);
    if (holder !== undefined && holder !== oldId)
      throw new StoreMigrationError('store.duplicateCaseNo', { caseNo, caseId: oldId, other: holder });
    byNo.set(caseNo, oldId);
    ids.set(oldId, scopedCaseId(workstationId, caseNo));
  };
  for (const kase of cases) {
    if (typeof kase.caseNo !== 'string' || kase.caseNo === '')
      throw new StoreMigrationError('store.caseWithoutNumber', { caseId: kase.id });
    claim(kase.id, kase.caseNo);
  }
  // A report event names its case number too: it scopes the id of a case missing from the table the
  // same way, so the record and the cases still agree (and the start-up check still names it).
  for (const event of events) {
    if (event.action.type === 'report' && !ids.has(event.caseId))
      claim(event.caseId, event.action.payload.caseNo);
  }
  return ids;
}

/** Version 3: ids that can meet ids from another PC (shared/model/ids.ts). */
const step3: StoreMigrationStep<Step3> = {
  version: 3,
  summary: 'case ids and event ids scoped by the workstation id; the record re-chained over them',
  reads: ['meta', 'cases', 'caseLoops', 'events', 'attachments'],
  prepare(rows, context) {
    const stored = metaValue(rows.meta, 'workstation') as WorkstationInfo | undefined;
    const workstation = stored ?? { id: context.workstationId, createdAt: context.now };
    const cases = (rows.cases ?? []) as readonly Case[];
    const oldEvents = [...((rows.events ?? []) as readonly StoredCaseEventV2[])].sort(
      (a, b) => a.seq - b.seq,
    );
    const storedHead = metaValue(rows.meta, 'chainHead');
    const before = isHead(storedHead)
      ? { count: storedHead.count, lastHash: storedHead.lastHash }
      : EMPTY_HEAD;
    const ids = mapCaseIds(workstation.id, cases, oldEvents);
    const caseId = (old: string): string => ids.get(old) ?? old;
    const events: StoredCaseEvent[] = [];
    const newHashBySeq = new Map<number, string>();
    const oldHashBySeq = new Map<number, string>();
    let prevHash = GENESIS_HASH;
    for (const old of oldEvents) {
      // Everything as it was but the ids: seq numbers are kept, gaps and all, so whatever was wrong
      // with the old record is still there to be found.
      const { hash, prevHash: _old, ...body } = old;
      const action =
        body.action.type === 'merge'
          ? {
              ...body.action,
              payload: { ...body.action.payload, intoCaseId: caseId(body.action.payload.intoCaseId) },
            }
          : body.action;
      const next = {
        ...body,
        action,
        caseId: caseId(body.caseId),
        id: scopedEventId(workstation.id, body.seq),
        legacyHash: hash,
        prevHash,
      };
      const event = { ...next, hash: eventHashSync(next) } as StoredCaseEvent;
      events.push(event);
      newHashBySeq.set(event.seq, event.hash);
      oldHashBySeq.set(event.seq, hash);
      prevHash = event.hash;
    }
    const problem = checkLegacyRecord(oldEvents, before);
    const after: ChainHead =
      before.count === 0
        ? before
        : { count: before.count, lastHash: newHashBySeq.get(before.count) ?? before.lastHash };
    const rekey: RecordRekey = {
      at: context.now,
      workstationId: workstation.id,
      before,
      after,
      ...(problem === undefined ? {} : { problem }),
    };
    return { workstation, caseId, events, rekey, newHashBySeq, oldHashBySeq };
  },
  tables: {
    ...allTables<Step3>('unchanged'),
    meta: {
      rewrite(rows, p) {
        const meta = rows as readonly MetaRowLike[];
        const out: MetaRowLike[] = meta.filter(
          (row) => !['workstation', 'chainHead', 'lastBackupHead'].includes(row.key),
        );
        out.push({ key: 'workstation', value: p.workstation });
        if (metaValue(meta, 'chainHead') !== undefined) out.push({ key: 'chainHead', value: p.rekey.after });
        if (p.events.length > 0 || p.rekey.before.count > 0) out.push({ key: 'recordRekey', value: p.rekey });
        const anchor = metaValue(meta, 'lastBackupHead') as (ChainHead & { exportedAt: number }) | undefined;
        if (anchor !== undefined) {
          // The newest backup's head moves with the record when the old record passed through it;
          // otherwise it stays as it was, and the start-up check still finds that it does not.
          const passes = anchor.count === 0 || p.oldHashBySeq.get(anchor.count) === anchor.lastHash;
          const lastHash = passes && anchor.count > 0 ? p.newHashBySeq.get(anchor.count) : undefined;
          out.push({
            key: 'lastBackupHead',
            value: lastHash === undefined ? anchor : { ...anchor, lastHash },
          });
        }
        return out;
      },
    },
    cases: { rewrite: (rows, p) => (rows as readonly Case[]).map((c) => ({ ...c, id: p.caseId(c.id) })) },
    caseLoops: {
      rewrite: (rows, p) =>
        (rows as readonly CaseLoopRow[]).map((r) => ({ ...r, caseId: p.caseId(r.caseId) })),
    },
    events: { rewrite: (_rows, p) => p.events },
    attachments: {
      rewrite: (rows, p) =>
        (rows as readonly { readonly caseId: string }[]).map((a) => ({ ...a, caseId: p.caseId(a.caseId) })),
    },
    caseTallies: 'absent',
    dayTallies: 'absent',
    historyCases: 'absent',
    trackPoints: 'absent',
    geofenceWatches: 'absent',
    geofenceAlerts: 'absent',
  },
};

/**
 * Version 4: each case's loop row notes the time of its latest event (`lastAt`, indexed), taken from
 * the record, so the queue finds the recently closed cases without reading every closed case. The
 * indicators' case tallies and daily roll-ups appear empty: they are derived, and the app rebuilds
 * them off the UI thread when it finds none (renderer/tally/).
 */
const step4: StoreMigrationStep<ReadonlyMap<string, number>> = {
  version: 4,
  summary: "each case's loop row notes its latest event's time (indexed)",
  reads: ['caseLoops', 'events'],
  prepare(rows) {
    const lastAt = new Map<string, number>();
    for (const event of (rows.events ?? []) as readonly StoredCaseEvent[])
      lastAt.set(event.caseId, Math.max(event.at, lastAt.get(event.caseId) ?? 0));
    return lastAt;
  },
  tables: {
    ...allTables<ReadonlyMap<string, number>>('unchanged'),
    caseLoops: {
      rewrite: (rows, lastAt) =>
        (rows as readonly Omit<CaseLoopRow, 'lastAt'>[]).map((r) => ({
          ...r,
          lastAt: lastAt.get(r.caseId) ?? 0,
        })),
    },
    caseTallies: 'created',
    dayTallies: 'created',
    historyCases: 'absent',
    trackPoints: 'absent',
    geofenceWatches: 'absent',
    geofenceAlerts: 'absent',
  },
};

/** Version 5: the history cases (历史案件) appear, empty; nothing else changes. */
const step5: StoreMigrationStep<null> = {
  version: 5,
  summary: 'history cases imported from an old system (read-only reference)',
  reads: [],
  prepare: () => null,
  tables: {
    ...allTables<null>('unchanged'),
    historyCases: 'created',
    trackPoints: 'absent',
    geofenceWatches: 'absent',
    geofenceAlerts: 'absent',
  },
};

/** Version 6: the officers' tracks (轨迹) appear, empty; nothing else changes. */
const step6: StoreMigrationStep<null> = {
  version: 6,
  summary: "the officers' tracks, kept for playback (thinned, a retention window)",
  reads: [],
  prepare: () => null,
  tables: {
    ...allTables<null>('unchanged'),
    trackPoints: 'created',
    geofenceWatches: 'absent',
    geofenceAlerts: 'absent',
  },
};

/** Version 7: the geofence's watches and alerts (越界告警) appear, empty; nothing else changes. */
const step7: StoreMigrationStep<null> = {
  version: 7,
  summary: "the geofence's watch per officer and its alerts",
  reads: [],
  prepare: () => null,
  tables: { ...allTables<null>('unchanged'), geofenceWatches: 'created', geofenceAlerts: 'created' },
};

/** What a step does to a table, named. */
export type TableChange = 'absent' | 'created' | 'unchanged' | 'rewritten';

/** A step ready to run: what it does to every table, and the run itself. */
export interface StoreStep {
  readonly version: number;
  readonly summary: string;
  readonly reads: readonly StoreTableName[];
  readonly changes: { readonly [N in StoreTableName]: TableChange };
  /**
   * Runs the step on rows in memory: returns the rewritten tables' new rows (tables the step leaves
   * alone are not in the result). The Dexie hook writes them back; a backup keeps them.
   */
  run(rows: StoreRows, context: StoreMigrationContext): StoreRows;
}

function ready<P>(step: StoreMigrationStep<P>): StoreStep {
  const changes = Object.fromEntries(
    STORE_TABLE_NAMES.map((name) => {
      const table = step.tables[name];
      return [name, typeof table === 'object' ? 'rewritten' : table];
    }),
  ) as { [N in StoreTableName]: TableChange };
  for (const name of STORE_TABLE_NAMES) {
    if (changes[name] === 'rewritten' && !step.reads.includes(name))
      throw new RangeError(`store step ${step.version} rewrites ${name} without reading it`);
  }
  return {
    version: step.version,
    summary: step.summary,
    reads: step.reads,
    changes,
    run(rows, context) {
      const prepared = step.prepare(rows, context);
      const out: Partial<Record<StoreTableName, readonly unknown[]>> = {};
      for (const name of STORE_TABLE_NAMES) {
        const table = step.tables[name];
        if (typeof table === 'object') out[name] = table.rewrite(rows[name] ?? [], prepared);
      }
      return out;
    },
  };
}

/** The real steps, in order: `STORE_STEPS[v - 1]` leads to store version v. */
export const STORE_STEPS: readonly StoreStep[] = [
  ready(step1),
  ready(step2),
  ready(step3),
  ready(step4),
  ready(step5),
  ready(step6),
  ready(step7),
];

/** The step that leads to `version`. */
export function storeStep(version: number): StoreStep {
  const step = STORE_STEPS[version - 1];
  if (step === undefined || step.version !== version || version > STORE_VERSION)
    throw new RangeError(`no store migration step to version ${version}`);
  return step;
}
