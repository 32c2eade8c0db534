import type { TownshipDataset } from '../../shared/model/dataset';
import type { GridDeskDb } from './database';
import { buildRecord, writeRecord } from './record-repo';
import { workstationId } from './workstation-repo';
import type { SessionGrant, SessionToken } from './sessions';
import { readChainHead } from './record-repo';
import { leaderActor, recordImport, type ImportRefusal } from './imports-repo';
import { importCounts, type ImportedFile, type StoredDataEvent } from '../../shared/cases/data-events';
import { EMPTY_HEAD } from '../../shared/cases/record';
import { scopedEventId } from '../../shared/model/ids';
import {
  datasetTables,
  hasStoredDataset,
  readStoredDataset,
  writeDataset,
  type MetaKey,
  type MetaRow,
  type MetaValue,
  type StoredInfo,
} from './tables';

/**
 * The stored dataset as a whole. Records come back in primary-key order (grids by code, cases by id),
 * not in file order. Undefined when nothing has been stored yet.
 */
export async function loadDataset(db: GridDeskDb): Promise<TownshipDataset | undefined> {
  return db.transaction('r', db.tables, async (tx) => (await readStoredDataset(datasetTables(tx)))?.dataset);
}

/**
 * The stored dataset without its cases (`cases` is empty): what the map and the stores need at
 * start-up. The cases are read on their own, open ones only, through the stage index.
 */
export async function loadSetup(db: GridDeskDb): Promise<TownshipDataset | undefined> {
  return db.transaction(
    'r',
    db.tables,
    async (tx) => (await readStoredDataset(datasetTables(tx), { cases: false }))?.dataset,
  );
}

/** Whether the database holds a dataset (seeded or imported). */
export async function hasDataset(db: GridDeskDb): Promise<boolean> {
  return db.transaction('r', db.meta, async (tx) => hasStoredDataset(datasetTables(tx)));
}

/**
 * Replaces everything stored with `dataset` in ONE rw transaction over all tables: every dataset table
 * is cleared and refilled and the case record rebuilt from the cases' histories (accounts stay), or,
 * if any write fails (a duplicate key, a quota error), nothing changes and the previous data stays.
 * The dataset must already be valid (parseDataset); `info` records how it got here (seeding time and
 * sample time shift), absent for an import. Throws HistoryReplayError, before writing anything, when
 * a case history does not fit the loop. Case ids are stored as the dataset has them: whoever brings a
 * dataset in from outside scopes them first (shared/model/ids.ts scopeCaseIds, as seeding does); the
 * record's event ids are this workstation's.
 */
export async function replaceDataset(
  db: GridDeskDb,
  dataset: TownshipDataset,
  info: StoredInfo = {},
): Promise<void> {
  const workstation = await workstationId(db);
  const record = await buildRecord(dataset, (seq) => scopedEventId(workstation, seq));
  await db.transaction('rw', db.tables, async (tx) => {
    await writeDataset(datasetTables(tx), dataset, info);
    await db.attachments.clear();
    await writeRecord(tx, record);
  });
}

/** One value of the `meta` table, e.g. `readMeta(db, 'seededAt')`. */
export async function readMeta<K extends MetaKey>(db: GridDeskDb, key: K): Promise<MetaValue<K> | undefined> {
  const row: MetaRow | undefined = await db.meta.get(key);
  if (row === undefined) return undefined;
  const value: unknown = row.value;
  return value as MetaValue<K>;
}

export type { StoredInfo } from './tables';

/** Why a centre's first dataset was not written. */
export type SetUpRefusal = ImportRefusal;

/**
 * Writes the first dataset of a centre set up here (its own grids, patrol areas, organisation and
 * matters, no cases) in ONE transaction with its 导入 event in the record (the leader, `now`, the
 * `files` with their SHA-256 and the rows written: imports-repo.ts), which the leader can undo while
 * no case is entered. Only by an enabled shift leader and only while the centre holds no dataset,
 * case or case event, both checked in that transaction from the stored account behind `session`.
 * Its accounts, settings and workstation id stay. A failing write leaves the centre as it was. The
 * dataset must already be valid (assembleCentreDataset). The set-up wizard runs it in the worker that
 * built the dataset, with a grant of the leader's session (sessions.ts SessionGrant); `onGrids` is
 * told how many of the grids are written (it runs inside the transaction: it must not wait on
 * anything).
 */
export async function setUpCentreDataset(
  db: GridDeskDb,
  session: SessionToken | SessionGrant,
  dataset: TownshipDataset,
  files: readonly ImportedFile[],
  now: number,
  onGrids?: (done: number, total: number) => void,
): Promise<
  | { readonly ok: true; readonly event: StoredDataEvent }
  | { readonly ok: false; readonly refusal: SetUpRefusal }
> {
  return db.transaction('rw', db.tables, async (tx) => {
    const leader = await leaderActor(db, session);
    if (!leader.ok) return leader;
    // Data events of an undone set-up may be in the record; a case event or a case may not.
    const [stored, caseEvent, cases] = await Promise.all([
      db.meta.get('dataset'),
      db.events.orderBy('caseId').first(),
      db.cases.count(),
    ]);
    if (stored !== undefined || caseEvent !== undefined || cases > 0)
      return { ok: false as const, refusal: { key: 'centres.notEmpty' as const, params: {} } };
    const kept = await db.meta.toArray();
    const head = await readChainHead(db);
    const total = dataset.grids.length;
    await writeDataset(
      datasetTables(tx),
      { ...dataset, cases: [] },
      {},
      onGrids && ((done) => onGrids(done, total)),
    );
    await db.meta.bulkPut(kept);
    if (head.count === 0) await writeRecord(tx, { loops: [], events: [], head: EMPTY_HEAD });
    const event = await recordImport(
      db,
      leader.actor,
      { kind: 'centreSetUp', files: [...files], counts: importCounts(dataset), movedCases: 0 },
      now,
    );
    return { ok: true as const, event };
  });
}
