/**
 * The quick health check of the stored record, run at every start-up before anything is written: does
 * the chain head agree with the events (count, last seq, last hash, the last event's own hash), does
 * every case have its loop row and its events, and does the record still pass through the head of the
 * newest backup this PC exported. It reads counts, keys and two events, never the whole chain (that is
 * the full check, on demand). A record that exists is never rebuilt: whatever is wrong is an alarm
 * (执法记录异常) and the record stays exactly as found.
 */
import type { LegacyRecordProblem } from '../schema/store-migrations';
import { eventHashSync, GENESIS_HASH, type ChainHead, type ChainLink } from './record';

/** An event as read from storage: whatever it holds, with the chain fields if present. */
export type StoredEventLike = object & Partial<ChainLink>;

/** What start-up reads from the database for the quick check. */
export interface RecordFacts {
  /** A dataset is stored (the `meta.schemaVersion` row exists). */
  readonly hasDataset: boolean;
  /** The stored chain head; null when its row is missing. */
  readonly head: ChainHead | null;
  /** Number of rows in the events table. */
  readonly eventCount: number;
  /** The event with the highest seq; null when there are none. */
  readonly lastEvent: StoredEventLike | null;
  /** Keys of the cases table. */
  readonly caseIds: readonly string[];
  /** Keys of the caseLoops table. */
  readonly loopCaseIds: readonly string[];
  /** The distinct case ids the events belong to. */
  readonly eventCaseIds: readonly string[];
  /**
   * The head of the newest backup exported from this PC and the stored event at its count (null when
   * there is no event with that seq); absent when no backup was exported here since the record began.
   */
  readonly backupAnchor?: {
    readonly head: ChainHead;
    /** Epoch milliseconds of the export. */
    readonly exportedAt: number;
    readonly event: StoredEventLike | null;
  };
  /**
   * What was wrong with the record when its ids were scoped (store version 3; meta.recordRekey):
   * the alarm the old record raised is kept raised, since the re-chained record no longer shows it.
   */
  readonly legacyProblem?: LegacyRecordProblem;
}

/** One thing wrong with the stored record, with its i18n key and what to say. */
export type RecordAlarm =
  /** The record was already broken when its ids were scoped to this workstation (store version 3). */
  | { readonly kind: 'legacyRecord'; readonly problem: LegacyRecordProblem['kind']; readonly seq: number }
  /** The head row is gone (every stored dataset has one, even with no events). */
  | { readonly kind: 'headMissing'; readonly events: number }
  /** The head counts another number of events than the table holds. */
  | { readonly kind: 'headCount'; readonly headCount: number; readonly events: number }
  /** The last event is not numbered as the head's count: events were removed or slipped in. */
  | { readonly kind: 'lastSeq'; readonly headCount: number; readonly seq: number }
  /** The last event's hash is not the head's: the end of the record was replaced. */
  | { readonly kind: 'lastHash'; readonly seq: number }
  /** The last event's content does not hash to its stored hash: it was edited. */
  | { readonly kind: 'lastEdited'; readonly seq: number }
  /** Record rows (head, events or loop state) but no dataset. */
  | { readonly kind: 'datasetMissing' }
  /** Cases without a loop row; `first` names one. */
  | { readonly kind: 'casesWithoutLoop'; readonly count: number; readonly first: string }
  /** Cases without a single event in the record; `first` names one. */
  | { readonly kind: 'casesWithoutEvents'; readonly count: number; readonly first: string }
  /** Events or loop rows of cases that are not in the cases table; `first` names one. */
  | { readonly kind: 'recordWithoutCase'; readonly count: number; readonly first: string }
  /** The record no longer passes through the head of the newest backup exported here. */
  | {
      readonly kind: 'backupAnchor';
      readonly count: number;
      readonly exportedAt: number;
      /** The record is shorter than the backup's. */
      readonly shorter: boolean;
    };

/**
 * `empty`: nothing of a dataset or a record is stored, the only state in which seeding may write.
 * `ok`: the quick check found nothing wrong. `alarm`: everything it found, in the order above.
 */
export type RecordHealth =
  | { readonly status: 'empty' }
  | { readonly status: 'ok' }
  | { readonly status: 'alarm'; readonly alarms: readonly RecordAlarm[] };

function missingFrom(ids: readonly string[], present: ReadonlySet<string>): string[] {
  return ids.filter((id) => !present.has(id));
}

function headAlarms(facts: RecordFacts): RecordAlarm[] {
  const { head, eventCount, lastEvent } = facts;
  if (head === null) return [{ kind: 'headMissing', events: eventCount }];
  if (eventCount !== head.count) return [{ kind: 'headCount', headCount: head.count, events: eventCount }];
  if (lastEvent === null) {
    return head.lastHash === GENESIS_HASH ? [] : [{ kind: 'lastHash', seq: 0 }];
  }
  const seq = typeof lastEvent.seq === 'number' ? lastEvent.seq : 0;
  if (seq !== head.count) return [{ kind: 'lastSeq', headCount: head.count, seq }];
  if (lastEvent.hash !== head.lastHash) return [{ kind: 'lastHash', seq }];
  if (eventHashSync(lastEvent) !== lastEvent.hash) return [{ kind: 'lastEdited', seq }];
  return [];
}

/** The alarm of a record that no longer passes through the newest backup's head, if it does not. */
export function anchorAlarms(facts: Pick<RecordFacts, 'backupAnchor'>): RecordAlarm[] {
  const anchor = facts.backupAnchor;
  if (anchor === undefined || anchor.head.count === 0) return [];
  const { count } = anchor.head;
  const shorter = anchor.event === null;
  if (
    !shorter &&
    anchor.event.hash === anchor.head.lastHash &&
    eventHashSync(anchor.event) === anchor.event.hash
  )
    return [];
  return [{ kind: 'backupAnchor', count, exportedAt: anchor.exportedAt, shorter }];
}

/**
 * Judges the stored record from {@link RecordFacts}. Pure and quick: no chain walk, one event hashed.
 * A head row with no events and the genesis hash is a healthy empty record (an imported dataset with
 * no cases); only a database with no dataset, no head, no events, no loop rows and no cases is `empty`.
 */
export function checkRecordHealth(facts: RecordFacts): RecordHealth {
  const nothing =
    !facts.hasDataset &&
    facts.head === null &&
    facts.eventCount === 0 &&
    facts.loopCaseIds.length === 0 &&
    facts.caseIds.length === 0;
  if (nothing) return { status: 'empty' };
  const alarms: RecordAlarm[] = [...headAlarms(facts)];
  // A centre whose first import was undone has only data events and no data: no case is missing.
  const onlyDataEvents =
    facts.eventCount > 0 &&
    facts.eventCaseIds.length === 0 &&
    facts.caseIds.length === 0 &&
    facts.loopCaseIds.length === 0;
  if (!facts.hasDataset && !onlyDataEvents) alarms.push({ kind: 'datasetMissing' });
  const cases = new Set(facts.caseIds);
  const withoutLoop = missingFrom(facts.caseIds, new Set(facts.loopCaseIds));
  if (withoutLoop[0] !== undefined) {
    alarms.push({ kind: 'casesWithoutLoop', count: withoutLoop.length, first: withoutLoop[0] });
  }
  const withoutEvents = missingFrom(facts.caseIds, new Set(facts.eventCaseIds));
  if (withoutEvents[0] !== undefined) {
    alarms.push({ kind: 'casesWithoutEvents', count: withoutEvents.length, first: withoutEvents[0] });
  }
  const orphans = [
    ...new Set([...missingFrom(facts.eventCaseIds, cases), ...missingFrom(facts.loopCaseIds, cases)]),
  ];
  if (orphans[0] !== undefined)
    alarms.push({ kind: 'recordWithoutCase', count: orphans.length, first: orphans[0] });
  alarms.push(...anchorAlarms(facts));
  if (facts.legacyProblem !== undefined)
    alarms.push({ kind: 'legacyRecord', problem: facts.legacyProblem.kind, seq: facts.legacyProblem.seq });
  return alarms.length === 0 ? { status: 'ok' } : { status: 'alarm', alarms };
}
