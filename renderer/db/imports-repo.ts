/**
 * The centre's imports in the record (导入记录): every import of the centre's own files appends a data
 * event (shared/cases/data-events.ts: who, when, which files with their size and SHA-256, how many
 * rows) to the same hash chain as the case events, in the transaction that writes the data; the last
 * import can be undone (撤销导入), which is recorded too. The events' seqs are listed in `meta.dataEvents`
 * (data events have no caseId, so no index finds them), and what the undo needs in `meta.lastImport`:
 * kept on this PC only, so a restored backup lists its imports but offers no undo.
 */
import { appendEventSync, type ChainHead } from '../../shared/cases/record';
import type { Actor } from '../../shared/cases/loop-types';
import type {
  DataAction,
  DataEvent,
  ImportKind,
  StoredDataEvent,
  StoredRecordEvent,
} from '../../shared/cases/data-events';
import { isCaseEvent } from '../../shared/cases/data-events';
import { scopedEventId } from '../../shared/model/ids';
import type { GridDeskDb } from './database';
import { readChainHead } from './record-repo';
import { sessionAccount, type SessionToken } from './sessions';
import { workstationId } from './workstation-repo';
import { DATASET_TABLE_NAMES, type MetaRow } from './tables';

/** What the undo of the last import needs: which event it was and what kind. */
export interface LastImport {
  readonly eventId: string;
  readonly seq: number;
  readonly kind: ImportKind;
  readonly at: number;
}

/** The account behind a session as the record names it, when it is an enabled shift leader. */
export async function leaderActor(
  db: GridDeskDb,
  session: SessionToken,
): Promise<
  { readonly ok: true; readonly actor: Actor } | { readonly ok: false; readonly refusal: ImportRefusal }
> {
  const found = await sessionAccount(db, session);
  if (!found.ok) return found;
  const { account } = found;
  if (account.role !== 'leader') return { ok: false, refusal: { key: 'centres.leaderOnly', params: {} } };
  return { ok: true, actor: { id: account.id, role: account.role, name: account.displayName } };
}

/** Why an import or its undo was not written. */
export interface ImportRefusal {
  readonly key:
    | 'auth.notSignedIn'
    | 'auth.disabled'
    | 'centres.leaderOnly'
    | 'centres.notEmpty'
    | 'imports.nothingToUndo'
    | 'imports.undoHasCases';
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Appends a data event to the record at `head` and lists it, inside the caller's rw transaction over
 * `meta` and `events` (the one that writes the data it records). Returns the stored event.
 */
export async function appendDataEvent(
  db: GridDeskDb,
  head: ChainHead,
  actor: Actor,
  action: DataAction,
  now: number,
): Promise<StoredDataEvent> {
  const workstation = await workstationId(db);
  const body: DataEvent & { readonly id: string } = {
    id: scopedEventId(workstation, head.count + 1),
    action,
    actor,
    at: now,
  };
  const appended = appendEventSync(head, body);
  const listed = await db.meta.get('dataEvents');
  const seqs = listed?.key === 'dataEvents' ? listed.value : [];
  await db.events.add(appended.event);
  await db.meta.bulkPut([
    { key: 'chainHead', value: appended.head },
    { key: 'dataEvents', value: [...seqs, appended.event.seq] },
  ]);
  return appended.event;
}

/** The seqs of the data events among `events`, for `meta.dataEvents` after a restore. */
export function dataEventSeqs(events: readonly StoredRecordEvent[]): number[] {
  return events.filter((e) => !isCaseEvent(e)).map((e) => e.seq);
}

/** The centre's data events (imports and undos), oldest first. */
export async function listDataEvents(db: GridDeskDb): Promise<StoredDataEvent[]> {
  return db.transaction('r', db.meta, db.events, async () => {
    const listed = await db.meta.get('dataEvents');
    const seqs = listed?.key === 'dataEvents' ? listed.value : [];
    const events = await db.events.bulkGet([...seqs]);
    return events.filter((e): e is StoredDataEvent => e !== undefined && !isCaseEvent(e));
  });
}

/** The import that can be undone now, if any. */
export async function readLastImport(db: GridDeskDb): Promise<LastImport | undefined> {
  const row = await db.meta.get('lastImport');
  return row?.key === 'lastImport' ? row.value : undefined;
}

/** The meta rows that belong to the dataset itself (gone with it on an undo); the rest stay. */
const DATASET_META = new Set<string>([
  'schemaVersion',
  'dataset',
  'seededAt',
  'sampleTimeShiftMs',
  'tallies',
]);

/**
 * Undoes the last import, by an enabled shift leader, in ONE transaction with its 撤销导入 event. A
 * centre's first data set up from files (`centreSetUp`) goes, leaving the centre empty to be set up
 * again (its accounts, settings and record stay), but only while no case has been entered: cases
 * name its grids and teams.
 */
export async function undoLastImport(
  db: GridDeskDb,
  session: SessionToken,
  now: number,
): Promise<
  | { readonly ok: true; readonly event: StoredDataEvent }
  | { readonly ok: false; readonly refusal: ImportRefusal }
> {
  return db.transaction('rw', db.tables, async () => {
    const leader = await leaderActor(db, session);
    if (!leader.ok) return leader;
    const last = await readLastImport(db);
    if (last === undefined) return { ok: false, refusal: { key: 'imports.nothingToUndo', params: {} } };
    const cases = await db.cases.count();
    if (cases > 0) return { ok: false, refusal: { key: 'imports.undoHasCases', params: { cases } } };
    const kept = (await db.meta.toArray()).filter(
      (row) => !DATASET_META.has(row.key) && row.key !== 'lastImport',
    );
    await Promise.all(DATASET_TABLE_NAMES.map((name) => db.table(name).clear()));
    await db.meta.bulkPut(kept as MetaRow[]);
    const event = await appendDataEvent(
      db,
      await readChainHead(db),
      leader.actor,
      { type: 'dataImportUndo', payload: { undoes: last.eventId, kind: last.kind, movedCases: 0 } },
      now,
    );
    return { ok: true as const, event };
  });
}
