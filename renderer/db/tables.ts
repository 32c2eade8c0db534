import type { SpareMark } from './sample-spare';
import type { Table, Transaction } from 'dexie';
import type {
  Basemap,
  BasemapPoi,
  BasemapRoad,
  BasemapSettlement,
  BasemapWater,
} from '../../shared/model/basemap';
import type { Case } from '../../shared/model/case';
import type { HistoryCase } from '../../shared/history/history-case';
import type { CaseLoopRow } from '../../shared/cases/build-record';
import type { StoredRecordEvent } from '../../shared/cases/data-events';
import type { LastImport } from './imports-repo';
import type { Account } from '../../shared/accounts/account';
import type { WorkstationInfo } from '../../shared/model/ids';
import type { RecordRekey } from '../../shared/schema/store-migrations';
import {
  tableExistsAt,
  tablesOfPart,
  type StoreTableName,
  type TableOfPart,
} from '../../shared/schema/store-tables';
import type { AttachmentRow } from '../attachments/attachment';
import type { ChainHead } from '../../shared/cases/record';
import type { CentreSettings } from '../../shared/settings/centre-settings';
import type { ImportSourceMemory } from '../../shared/import/import-source';
import type { DatasetMeta, TownshipDataset } from '../../shared/model/dataset';
import type { Matter } from '../../shared/model/matter';
import type {
  Community,
  Department,
  Grid,
  GridWorker,
  Officer,
  PatrolArea,
  Team,
  Township,
} from '../../shared/model/organisation';

/** What the `meta` table stores about the stored dataset, by key. */
import type { VerifiedCheckpoint } from '../../shared/cases/record-checkpoint';
import type { CaseTally, DayTally } from '../../shared/indicators/tally';
import type { BasemapSettings } from '../../shared/tiles/basemaps';
import type { PositionFeedConfigInput } from '../../shared/positions/feed';
import type { TrackPoint } from '../../shared/positions/tracks';
import type { GeofenceAlert, GeofenceWatch } from '../../shared/positions/geofence';

/** What `meta.tallies` says about the stored case tallies and day roll-ups (renderer/db/tallies-repo.ts). */
export interface TallyState {
  /** The rules they were computed under (shared/indicators/tally.ts tallyBasis). */
  readonly basis: string;
  /** When they were last rebuilt as a whole, epoch ms. */
  readonly builtAt: number;
  /** How many cases they were rebuilt from. */
  readonly cases: number;
}

export interface MetaValues {
  /** Schema version of the stored dataset (see shared/schema/migrations.ts). */
  readonly schemaVersion: number;
  /** The dataset's own meta: label (示例数据 for the sample), seed, generation time. */
  readonly dataset: DatasetMeta;
  /** When the sample was seeded, epoch milliseconds; absent for an imported dataset. */
  readonly seededAt: number;
  /** How far the sample's times were moved on seeding, milliseconds (file time + shift = stored time). */
  readonly sampleTimeShiftMs: number;
  /**
   * Where the case record ends (event count and last hash). Kept here, outside the events table, and
   * written in the same transaction as every event, so cutting events off the end is detected.
   */
  readonly chainHead: ChainHead;
  /**
   * The head of the newest backup exported from this PC, and when (epoch ms): start-up checks that
   * the record still passes through it, an anchor the stored head alone cannot give.
   */
  readonly lastBackupHead: ChainHead & { readonly exportedAt: number };
  /** The centre's settings (working calendar, major-case policy, duplicate thresholds). */
  readonly settings: CentreSettings;
  /** What the 12345 import remembers per export source (coordinate system, category → matter). */
  readonly importSources: ImportSourceMemory;
  /**
   * This installation's id (shared/model/ids.ts), drawn when the database was created or upgraded to
   * store version 3. Kept by every dataset write, reset and restore.
   */
  readonly workstation: WorkstationInfo;
  /** How the record looked before its ids were scoped (store version 3), when it was upgraded then. */
  readonly recordRekey: RecordRekey;
  /**
   * How far the record was last verified (the head a passing check ended at): written by a passing
   * full check, moved on by a passing incremental check (shared/cases/record-checkpoint.ts).
   */
  readonly verifiedCheckpoint: VerifiedCheckpoint;
  /**
   * The indicators' case tallies and day roll-ups are current under this basis: written by their
   * rebuild, kept by every case write while it matches, removed by a write that finds it stale. Absent
   * (a new store, after a dataset write, a reset or a restore): they are to be rebuilt.
   */
  readonly tallies: TallyState;
  /**
   * The seqs of the record's data events (imports and their undos, alerts' acknowledgements), oldest
   * first (imports-repo.ts).
   */
  readonly dataEvents: readonly number[];
  /** The import that can be undone now (imports-repo.ts); kept on this PC only, never backed up. */
  readonly lastImport: LastImport;
  /** The centre's basemaps: its 天地图 key, its own tile server, the tile cache's cap (basemap-repo.ts). */
  readonly basemaps: BasemapSettings;
  /**
   * The phones' position feed: the listener's port and reach, the devices bound to officers, the offline
   * timeout (phones-repo.ts); as stored, so a row written before a field existed may lack it.
   */
  readonly positionFeed: PositionFeedConfigInput;
  /**
   * Only in a spare sample's database, until a reset switches to it (sample-spare.ts): what it was
   * made from, written with its rows, so its presence says the spare is whole.
   */
  readonly spare: SpareMark;
}
export type MetaKey = keyof MetaValues;
export type MetaValue<K extends MetaKey> = MetaValues[K];
/** Key/value rows of the `meta` table. */
export type MetaRow = {
  readonly [K in MetaKey]: { readonly key: K; readonly value: MetaValues[K] };
}[MetaKey];

/** The township row has an outbound key: there is exactly one, under this key. */
export const TOWNSHIP_KEY = 'current';

/**
 * One basemap feature, tagged with the basemap part it belongs to and keyed by `[kind+id]`. The
 * feature sits in `item` because roads, water and POIs have a `kind` of their own.
 */
export type BasemapRow =
  | { readonly kind: 'roads'; readonly id: string; readonly item: BasemapRoad }
  | { readonly kind: 'water'; readonly id: string; readonly item: BasemapWater }
  | { readonly kind: 'settlements'; readonly id: string; readonly item: BasemapSettlement }
  | { readonly kind: 'pois'; readonly id: string; readonly item: BasemapPoi };

/** The attachments table's rows: the type lives with the attachments (renderer/attachments/). */
export type { AttachmentRow } from '../attachments/attachment';
export type { CaseLoopRow } from '../../shared/cases/build-record';

/**
 * The row and key type of every table of the registry (shared/schema/store-tables.ts), which is the
 * one list of tables: this map must name each of them, no more and no less.
 */
interface TableTypes {
  readonly meta: readonly [MetaRow, MetaKey];
  /** One row, under {@link TOWNSHIP_KEY} (outbound key). */
  readonly township: readonly [Township, string];
  readonly communities: readonly [Community, string];
  readonly grids: readonly [Grid, string];
  readonly gridWorkers: readonly [GridWorker, string];
  readonly patrolAreas: readonly [PatrolArea, string];
  readonly teams: readonly [Team, string];
  readonly officers: readonly [Officer, string];
  readonly departments: readonly [Department, string];
  readonly matters: readonly [Matter, string];
  readonly basemap: readonly [BasemapRow, [string, string]];
  readonly cases: readonly [Case, string];
  readonly caseLoops: readonly [CaseLoopRow, string];
  /**
   * The append-only, hash-chained record, by chain position: case events and the centre's data events
   * (shared/cases/data-events.ts). Only record-repo.ts, case-actions.ts and dataset-repo.ts add here.
   */
  readonly events: readonly [StoredRecordEvent, number];
  readonly accounts: readonly [Account, string];
  readonly attachments: readonly [AttachmentRow, string];
  /** Derived from cases and events (shared/indicators/tally.ts); kept by case writes, rebuilt when stale. */
  readonly caseTallies: readonly [CaseTally, string];
  /** Keyed by `[day+teamId]`. */
  readonly dayTallies: readonly [DayTally, [string, string]];
  /** 历史案件, keyed by 案件编号 (shared/history/history-case.ts). */
  readonly historyCases: readonly [HistoryCase, string];
  /** 轨迹, keyed by `[officerId+at]` (shared/positions/tracks.ts). */
  readonly trackPoints: readonly [TrackPoint, [string, number]];
  /** 越界告警: the geofence's watch per officer, and its alerts (shared/positions/geofence.ts). */
  readonly geofenceWatches: readonly [GeofenceWatch, string];
  readonly geofenceAlerts: readonly [GeofenceAlert, string];
}
// Compile-time check that TableTypes and the registry name the same tables.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const TABLE_TYPES_MATCH_REGISTRY: Exactly<keyof TableTypes, StoreTableName> = true;
void TABLE_TYPES_MATCH_REGISTRY;

/** Every table, typed: what a database and a transaction over all tables have. */
export type StoreTables = { readonly [N in StoreTableName]: Table<TableTypes[N][0], TableTypes[N][1]> };

/** The tables of the dataset part (shared/schema/store-tables.ts), typed. */
export type DatasetTables = Pick<StoreTables, DatasetTableName>;
export type DatasetTableName = TableOfPart<'dataset'>;

/** The names of the dataset part's tables, from the registry. */
export const DATASET_TABLE_NAMES = tablesOfPart('dataset') as DatasetTableName[];

/** The dataset part's tables a database of store version `version` has (an older one lacks later ones). */
export function datasetTableNamesAt(version: number): DatasetTableName[] {
  return DATASET_TABLE_NAMES.filter((name) => tableExistsAt(name, version));
}

/**
 * The dataset part's tables of a transaction, typed. In an upgrade hook of an older store version the
 * tables of later versions do not exist yet: only those the transaction has are there.
 */
export function datasetTables(tx: Transaction): DatasetTables {
  return Object.fromEntries(
    DATASET_TABLE_NAMES.filter((name) => tx.storeNames.includes(name)).map((name) => [name, tx.table(name)]),
  ) as unknown as DatasetTables;
}

/** Facts about how the stored dataset got there, kept in `meta` beside it. */
export interface StoredInfo {
  /** Epoch milliseconds; set when the dataset is the seeded sample. */
  readonly seededAt?: number;
  /** Milliseconds the sample's times were moved by. */
  readonly sampleTimeShiftMs?: number;
}

export interface StoredDataset {
  /** The version the rows were written in; older rows have the older layout, whatever the type says. */
  readonly schemaVersion: number;
  readonly dataset: TownshipDataset;
  readonly info: StoredInfo;
}

async function metaValue<K extends MetaKey>(t: DatasetTables, key: K): Promise<MetaValue<K> | undefined> {
  const row: MetaRow | undefined = await t.meta.get(key);
  if (row === undefined) return undefined;
  const value: unknown = row.value;
  return value as MetaValue<K>;
}

function basemapOf(rows: readonly BasemapRow[]): Basemap {
  const roads: BasemapRoad[] = [];
  const water: BasemapWater[] = [];
  const settlements: BasemapSettlement[] = [];
  const pois: BasemapPoi[] = [];
  for (const row of rows) {
    if (row.kind === 'roads') roads.push(row.item);
    else if (row.kind === 'water') water.push(row.item);
    else if (row.kind === 'settlements') settlements.push(row.item);
    else pois.push(row.item);
  }
  return { roads, water, settlements, pois };
}

/**
 * Reads the whole stored dataset (`cases: false`: all but the cases, which can be thousands); call
 * inside a transaction over all tables so the parts agree.
 * Records come back in primary-key order, not in the order they were written. Undefined when
 * nothing is stored.
 */
/**
 * Rows read per request by {@link readInPages}: the browser copies each answer out of the database in
 * one task on the calling thread, and a street office's 200,000 grids in one answer take seconds.
 */
const READ_PAGE = 1_000;

/**
 * Every row of `table` in primary-key order (as `toArray`), {@link READ_PAGE} rows per request; the
 * table's primary key must be a property of its rows (an inbound key such as the grids' `code`).
 */
export async function readInPages<T>(table: Table<T, string>): Promise<T[]> {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string' || keyPath === '')
    throw new Error(`${table.name}: no inbound key to page by`);
  const out: T[] = [];
  let page = await table.orderBy(':id').limit(READ_PAGE).toArray();
  for (;;) {
    for (const row of page) out.push(row);
    const last = page[page.length - 1];
    if (page.length < READ_PAGE || last === undefined) return out;
    const key = (last as Record<string, unknown>)[keyPath] as string;
    page = await table.where(':id').above(key).limit(READ_PAGE).toArray();
  }
}

export async function readStoredDataset(
  t: DatasetTables,
  options: { readonly cases?: boolean } = {},
): Promise<StoredDataset | undefined> {
  const [schemaVersion, meta, township] = await Promise.all([
    metaValue(t, 'schemaVersion'),
    metaValue(t, 'dataset'),
    t.township.get(TOWNSHIP_KEY),
  ]);
  if (schemaVersion === undefined || meta === undefined || township === undefined) return undefined;
  const [
    communities,
    grids,
    gridWorkers,
    patrolAreas,
    teams,
    officers,
    departments,
    matters,
    basemap,
    cases,
  ] = await Promise.all([
    t.communities.toArray(),
    readInPages(t.grids),
    t.gridWorkers.toArray(),
    t.patrolAreas.toArray(),
    t.teams.toArray(),
    t.officers.toArray(),
    t.departments.toArray(),
    t.matters.toArray(),
    t.basemap.toArray(),
    options.cases === false ? Promise.resolve([]) : t.cases.toArray(),
  ]);
  const [seededAt, sampleTimeShiftMs] = await Promise.all([
    metaValue(t, 'seededAt'),
    metaValue(t, 'sampleTimeShiftMs'),
  ]);
  const info: StoredInfo = {
    ...(seededAt === undefined ? {} : { seededAt }),
    ...(sampleTimeShiftMs === undefined ? {} : { sampleTimeShiftMs }),
  };
  const dataset: TownshipDataset = {
    schemaVersion,
    meta,
    township,
    communities,
    grids,
    gridWorkers,
    patrolAreas,
    teams,
    officers,
    departments,
    matters,
    basemap: basemapOf(basemap),
    cases,
  };
  return { schemaVersion, dataset, info };
}

/** Whether a dataset is stored (the schema version is written with every dataset). */
export async function hasStoredDataset(t: DatasetTables): Promise<boolean> {
  return (await t.meta.get('schemaVersion')) !== undefined;
}

/**
 * Rows per `bulkAdd` call in big writes. IndexedDB copies each value on the calling thread when it is
 * added, so one call with the sample's 33,000 events is one long task; calls of this size inside the
 * same transaction keep each task short and the write still all or nothing.
 */
export const WRITE_CHUNK = 2_000;

/**
 * Adds `rows` in chunks of {@link WRITE_CHUNK} in the caller's transaction, two in flight: the next
 * chunk is copied on this thread while the database writes the one before, and only then is that one
 * awaited (so the transaction always has a request pending and each task copies one chunk).
 */
export async function bulkAddInChunks<T, K>(
  table: { bulkAdd(rows: readonly T[]): PromiseLike<K> },
  rows: readonly T[],
  /** Told the rows written so far after each chunk the database has taken (and 0 first). */
  onWritten?: (done: number) => void,
): Promise<void> {
  let inFlight: PromiseLike<K> | null = null;
  onWritten?.(0);
  for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
    const next = table.bulkAdd(rows.slice(start, start + WRITE_CHUNK));
    // Awaited on the next turn or below; until then a failure must not count as unhandled.
    Promise.resolve(next).catch(() => undefined);
    if (inFlight !== null) {
      await inFlight;
      onWritten?.(start);
    }
    inFlight = next;
  }
  if (inFlight !== null) await inFlight;
  onWritten?.(rows.length);
}

/**
 * Clears every table and writes `dataset`; call inside one rw transaction over all tables. Uses
 * `bulkAdd`, so a duplicate key throws and, uncaught, aborts the whole transaction: all or nothing.
 */
export async function writeDataset(
  t: DatasetTables,
  dataset: TownshipDataset,
  info: StoredInfo,
  /** Told the grids written so far (see bulkAddInChunks): a set-up's 200,000 grids take a while. */
  onGrids?: (done: number) => void,
): Promise<void> {
  // The workstation's id is the installation's, not the dataset's: it outlives every dataset.
  const workstation = await t.meta.get('workstation');
  // (An upgrade hook's tables lack those of later store versions: see datasetTables.)
  await Promise.all(DATASET_TABLE_NAMES.filter((name) => name in t).map((name) => t[name].clear()));
  if (workstation !== undefined) await t.meta.add(workstation);
  const meta: MetaRow[] = [
    { key: 'schemaVersion', value: dataset.schemaVersion },
    { key: 'dataset', value: dataset.meta },
  ];
  if (info.seededAt !== undefined) meta.push({ key: 'seededAt', value: info.seededAt });
  if (info.sampleTimeShiftMs !== undefined)
    meta.push({ key: 'sampleTimeShiftMs', value: info.sampleTimeShiftMs });
  const basemap: BasemapRow[] = [
    ...dataset.basemap.roads.map((item): BasemapRow => ({ kind: 'roads', id: item.id, item })),
    ...dataset.basemap.water.map((item): BasemapRow => ({ kind: 'water', id: item.id, item })),
    ...dataset.basemap.settlements.map((item): BasemapRow => ({ kind: 'settlements', id: item.id, item })),
    ...dataset.basemap.pois.map((item): BasemapRow => ({ kind: 'pois', id: item.id, item })),
  ];
  // All issued at once, so the database writes one table while the next is copied; any failure
  // (a duplicate key) rejects here and aborts the caller's transaction.
  await Promise.all([
    t.meta.bulkAdd(meta),
    t.township.add(dataset.township, TOWNSHIP_KEY),
    t.communities.bulkAdd([...dataset.communities]),
    bulkAddInChunks(t.grids, dataset.grids, onGrids),
    t.gridWorkers.bulkAdd([...dataset.gridWorkers]),
    t.patrolAreas.bulkAdd([...dataset.patrolAreas]),
    t.teams.bulkAdd([...dataset.teams]),
    t.officers.bulkAdd([...dataset.officers]),
    t.departments.bulkAdd([...dataset.departments]),
    t.matters.bulkAdd([...dataset.matters]),
    t.basemap.bulkAdd(basemap),
    bulkAddInChunks(t.cases, dataset.cases),
  ]);
}
