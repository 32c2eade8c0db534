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
  DataImportPayload,
  ImportedFile,
  ImportKind,
  StoredDataEvent,
  StoredImportEvent,
  StoredRecordEvent,
} from '../../shared/cases/data-events';
import { importCounts, isCaseEvent, isImportEvent } from '../../shared/cases/data-events';
import { scopedEventId } from '../../shared/model/ids';
import type { GridDeskDb } from './database';
import { readChainHead } from './record-repo';
import { sessionLeader, type SessionGrant, type SessionToken } from './sessions';
import { workstationId } from './workstation-repo';
import { DATASET_TABLE_NAMES, bulkAddInChunks, type BasemapRow, type MetaRow } from './tables';
import { runActionsOnCases, type CaseCommandRefusalKey } from './case-actions';
import type { GridLayer, MovedCase } from '../../shared/import/centre/replace-grids';
import type { PlaceRecords } from '../../shared/import/centre/places';

/** What the undo of the last import needs: which event it was, what kind, and what it replaced. */
export interface LastImport {
  readonly eventId: string;
  readonly seq: number;
  readonly kind: ImportKind;
  readonly at: number;
  /** For `gridsReplaced`: the grid layer before it, and the open cases it moved (from → to). */
  readonly before?: GridLayer;
  readonly moves?: readonly MovedCase[];
  /** For `places`: the basemap rows it added, as `[kind, id]` keys. */
  readonly placeKeys?: readonly (readonly [PlaceLayer, string])[];
}

/** The basemap parts an import of places writes. */
export type PlaceLayer = 'pois' | 'roads' | 'settlements';

/**
 * The account behind a session (or a worker's grant of one) as the record names it, when it is an
 * enabled shift leader.
 */
export async function leaderActor(
  db: GridDeskDb,
  session: SessionToken | SessionGrant,
): Promise<
  { readonly ok: true; readonly actor: Actor } | { readonly ok: false; readonly refusal: ImportRefusal }
> {
  const found = await sessionLeader(db, session, 'centres.leaderOnly');
  if (!found.ok) return found;
  const { account } = found;
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
    | 'imports.undoHasCases'
    | 'imports.undoAfterRecord'
    | 'imports.changedMeanwhile'
    | 'imports.historyCaseNoExists'
    | CaseCommandRefusalKey;
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

/** What an import leaves for its undo besides which event it was. */
export type UndoData = Omit<LastImport, 'eventId' | 'seq' | 'kind' | 'at'>;

/**
 * Records an import, inside the caller's rw transaction that wrote its data: its 导入 event at the
 * record's head, and `undo` (what taking it back needs) as the last import.
 */
export async function recordImport(
  db: GridDeskDb,
  actor: Actor,
  payload: DataImportPayload,
  now: number,
  undo: UndoData = {},
): Promise<StoredDataEvent> {
  const event = await appendDataEvent(
    db,
    await readChainHead(db),
    actor,
    { type: 'dataImport', payload },
    now,
  );
  const last: LastImport = { eventId: event.id, seq: event.seq, kind: payload.kind, at: now, ...undo };
  await db.meta.put({ key: 'lastImport', value: last });
  return event;
}

/** Records the undo of `last` (its 撤销导入 event) and forgets it, inside the caller's transaction. */
async function recordUndo(
  db: GridDeskDb,
  actor: Actor,
  last: LastImport,
  movedCases: number,
  now: number,
): Promise<StoredDataEvent> {
  await db.meta.delete('lastImport');
  return appendDataEvent(
    db,
    await readChainHead(db),
    actor,
    { type: 'dataImportUndo', payload: { undoes: last.eventId, kind: last.kind, movedCases } },
    now,
  );
}

/** The seqs of the data events among `events`, for `meta.dataEvents` after a restore. */
export function dataEventSeqs(events: readonly StoredRecordEvent[]): number[] {
  return events.filter((e) => !isCaseEvent(e)).map((e) => e.seq);
}

/** The centre's data events (imports, undos, alerts' acknowledgements), oldest first. */
export async function listDataEvents(db: GridDeskDb): Promise<StoredDataEvent[]> {
  return db.transaction('r', db.meta, db.events, async () => {
    const listed = await db.meta.get('dataEvents');
    const seqs = listed?.key === 'dataEvents' ? listed.value : [];
    const events = await db.events.bulkGet([...seqs]);
    return events.filter((e): e is StoredDataEvent => e !== undefined && !isCaseEvent(e));
  });
}

/** The centre's imports and their undos (导入记录), oldest first. */
export async function listImportEvents(db: GridDeskDb): Promise<StoredImportEvent[]> {
  return (await listDataEvents(db)).filter(isImportEvent);
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
 * name its grids and teams. A history import (`caseHistory`) takes away exactly the history rows it
 * brought.
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
    if (last.kind === 'gridsReplaced') return undoGridReplacement(db, session, leader.actor, last, now);
    if (last.kind === 'places') return undoPlaces(db, leader.actor, last, now);
    if (last.kind === 'caseHistory') {
      // Only the rows that import brought go; the rest of the centre is untouched.
      await db.historyCases.where('importId').equals(last.eventId).delete();
      return { ok: true as const, event: await recordUndo(db, leader.actor, last, 0, now) };
    }
    const cases = await db.cases.count();
    if (cases > 0) return { ok: false, refusal: { key: 'imports.undoHasCases', params: { cases } } };
    const kept = (await db.meta.toArray()).filter(
      (row) => !DATASET_META.has(row.key) && row.key !== 'lastImport',
    );
    await Promise.all(DATASET_TABLE_NAMES.map((name) => db.table(name).clear()));
    await db.meta.bulkPut(kept as MetaRow[]);
    return { ok: true as const, event: await recordUndo(db, leader.actor, last, 0, now) };
  });
}

/** The reason the 调整归属 events of an undone grid replacement give (record data, not UI text). */
export const UNDO_REASON = '撤销替换网格';

/** What a planned grid replacement writes, and the head it was planned against. */
export interface GridReplacementWrite {
  readonly layer: GridLayer;
  /** The open cases it moves (planGridReplacement), each recorded as its own 调整归属 event. */
  readonly moves: readonly MovedCase[];
  /** The record's head when the plan was made: anything recorded since may lie elsewhere. */
  readonly head: ChainHead;
  /** The reason each case's 调整归属 event gives. */
  readonly reason: string;
}

/** Thrown inside a write transaction to abort it with a refusal. */
class Refused extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.key);
  }
}

const LAYER_TABLES = ['grids', 'communities', 'gridWorkers', 'patrolAreas'] as const;

/** Replaces the grid layer's four tables with `layer`, inside the caller's transaction. */
async function writeLayer(db: GridDeskDb, layer: GridLayer): Promise<void> {
  await Promise.all(LAYER_TABLES.map((name) => db.table(name).clear()));
  await Promise.all([
    bulkAddInChunks(db.grids, layer.grids),
    db.communities.bulkAdd([...layer.communities]),
    db.gridWorkers.bulkAdd([...layer.gridWorkers]),
    db.patrolAreas.bulkAdd([...layer.patrolAreas]),
  ]);
}

async function readLayer(db: GridDeskDb): Promise<GridLayer> {
  const [grids, communities, gridWorkers, patrolAreas] = await Promise.all([
    db.grids.toArray(),
    db.communities.toArray(),
    db.gridWorkers.toArray(),
    db.patrolAreas.toArray(),
  ]);
  return { grids, communities, gridWorkers, patrolAreas };
}

/** Moves cases to the grid and team given, each as a 调整归属 event, inside the caller's transaction. */
async function moveCases(
  db: GridDeskDb,
  session: SessionToken,
  moves: readonly { readonly caseId: string; readonly gridCode: string; readonly teamId: string }[],
  reason: string,
  now: number,
): Promise<void> {
  if (moves.length === 0) return;
  const moved = await runActionsOnCases(
    db,
    moves.map((m) => ({
      caseId: m.caseId,
      actions: [{ type: 'reassign', payload: { gridCode: m.gridCode, teamId: m.teamId, reason } }],
    })),
    session,
    now,
  );
  if (!moved.ok) throw new Refused({ key: moved.reason.key, params: moved.reason.params });
}

/**
 * 替换网格: writes a planned grid layer (shared/import/centre/replace-grids.ts) over the centre's, by an
 * enabled shift leader, in ONE transaction with the moves of the open cases it relocates (a 调整归属
 * event each) and its 导入 event naming `files`; refused when anything was recorded since the plan was
 * made (a case entered or moved meanwhile was not located: plan again). Closed cases keep their grid.
 * The layer it replaced is kept for the undo.
 */
export async function replaceGrids(
  db: GridDeskDb,
  session: SessionToken,
  plan: GridReplacementWrite,
  files: readonly ImportedFile[],
  now: number,
): Promise<
  | { readonly ok: true; readonly event: StoredDataEvent }
  | { readonly ok: false; readonly refusal: ImportRefusal }
> {
  try {
    return await db.transaction('rw', db.tables, async () => {
      const leader = await leaderActor(db, session);
      if (!leader.ok) return leader;
      const head = await readChainHead(db);
      if (head.count !== plan.head.count || head.lastHash !== plan.head.lastHash)
        return { ok: false as const, refusal: { key: 'imports.changedMeanwhile' as const, params: {} } };
      const before = await readLayer(db);
      await writeLayer(db, plan.layer);
      await moveCases(
        db,
        session,
        plan.moves.map((m) => ({ caseId: m.caseId, ...m.to })),
        plan.reason,
        now,
      );
      const event = await recordImport(
        db,
        leader.actor,
        {
          kind: 'gridsReplaced',
          files: [...files],
          counts: importCounts({ ...plan.layer, teams: [], officers: [], matters: [], departments: [] }),
          movedCases: plan.moves.length,
        },
        now,
        { before, moves: plan.moves },
      );
      return { ok: true as const, event };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    throw error;
  }
}

/**
 * Puts the grid layer a replacement took away back, and its moved cases where they were, each as a
 * 调整归属 event, with the 撤销导入 event, in the caller's transaction; only while nothing was recorded
 * after the replacement (a case entered or moved since would be left in grids that are gone).
 */
async function undoGridReplacement(
  db: GridDeskDb,
  session: SessionToken,
  actor: Actor,
  last: LastImport,
  now: number,
): Promise<
  | { readonly ok: true; readonly event: StoredDataEvent }
  | { readonly ok: false; readonly refusal: ImportRefusal }
> {
  const head = await readChainHead(db);
  if (head.count !== last.seq || last.before === undefined)
    return { ok: false, refusal: { key: 'imports.undoAfterRecord', params: { seq: last.seq } } };
  await writeLayer(db, last.before);
  const moves = last.moves ?? [];
  await moveCases(
    db,
    session,
    moves.map((m) => ({ caseId: m.caseId, ...m.from })),
    UNDO_REASON,
    now,
  );
  return { ok: true, event: await recordUndo(db, actor, last, moves.length, now) };
}

/**
 * 导入地名: adds planned places (shared/import/centre/places.ts) to the centre's basemap, by an enabled
 * shift leader, in ONE transaction with its 导入 event naming `files`. Places are named by nothing else
 * the centre stores, so the record's head need not be where the plan was made.
 */
export async function importPlaces(
  db: GridDeskDb,
  session: SessionToken,
  places: PlaceRecords,
  files: readonly ImportedFile[],
  now: number,
): Promise<
  | { readonly ok: true; readonly event: StoredDataEvent }
  | { readonly ok: false; readonly refusal: ImportRefusal }
> {
  return db.transaction('rw', db.tables, async () => {
    const leader = await leaderActor(db, session);
    if (!leader.ok) return leader;
    const rows: BasemapRow[] = [
      ...places.pois.map((item): BasemapRow => ({ kind: 'pois', id: item.id, item })),
      ...places.roads.map((item): BasemapRow => ({ kind: 'roads', id: item.id, item })),
      ...places.settlements.map((item): BasemapRow => ({ kind: 'settlements', id: item.id, item })),
    ];
    await bulkAddInChunks(db.basemap, rows);
    const event = await recordImport(
      db,
      leader.actor,
      { kind: 'places', files: [...files], counts: { places: rows.length }, movedCases: 0 },
      now,
      { placeKeys: rows.map((row) => [row.kind as PlaceLayer, row.id] as const) },
    );
    return { ok: true as const, event };
  });
}

/** Takes the places an import added off the basemap, with the 撤销导入 event, in the caller's transaction. */
async function undoPlaces(
  db: GridDeskDb,
  actor: Actor,
  last: LastImport,
  now: number,
): Promise<{ readonly ok: true; readonly event: StoredDataEvent }> {
  await db.basemap.bulkDelete((last.placeKeys ?? []).map(([kind, id]) => [kind, id] as [string, string]));
  return { ok: true, event: await recordUndo(db, actor, last, 0, now) };
}
