import type { Table, Transaction } from 'dexie';
import type {
  Basemap,
  BasemapPoi,
  BasemapRoad,
  BasemapSettlement,
  BasemapWater,
} from '../../shared/model/basemap';
import type { Case } from '../../shared/model/case';
import type { CaseLoopState } from '../../shared/cases/loop-types';
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

/**
 * Table layout, version 1. Only primary keys and indexed fields are listed; records hold the full
 * model objects.
 */
export const STORES_V1 = {
  meta: 'key',
  township: '',
  communities: 'code',
  grids: 'code, patrolAreaId, communityCode',
  gridWorkers: 'id',
  patrolAreas: 'id, teamId',
  teams: 'id',
  officers: 'id, teamId, status',
  departments: 'id',
  matters: 'code, domain',
  basemap: '[kind+id], kind',
  cases: 'id, stage, gridCode, teamId, reportedAt, matterCode, [stage+reportedAt]',
} as const;

/**
 * Version 2 adds the case loop: its state per case, the append-only record, local accounts and case
 * attachments. These are not part of the dataset and are not cleared by {@link writeDataset}.
 */
export const STORES_V2 = {
  caseLoops: 'caseId',
  events: 'seq, caseId',
  accounts: 'id, &username',
  attachments: 'id, caseId',
} as const;

/** The loop state of one case, with the seq of the last event that changed it (for optimistic writes). */
export interface CaseLoopRow {
  readonly caseId: string;
  readonly state: CaseLoopState;
  readonly lastSeq: number;
}

// The attachments table's rows: the type lives with the attachments (renderer/attachments/).
export type { AttachmentRow } from '../attachments/attachment';

export type TableName = keyof typeof STORES_V1;
export const TABLE_NAMES = Object.keys(STORES_V1) as TableName[];

/** The tables of one transaction, typed. */
export interface DatasetTables {
  readonly meta: Table<MetaRow, MetaKey>;
  readonly township: Table<Township, string>;
  readonly communities: Table<Community, string>;
  readonly grids: Table<Grid, string>;
  readonly gridWorkers: Table<GridWorker, string>;
  readonly patrolAreas: Table<PatrolArea, string>;
  readonly teams: Table<Team, string>;
  readonly officers: Table<Officer, string>;
  readonly departments: Table<Department, string>;
  readonly matters: Table<Matter, string>;
  readonly basemap: Table<BasemapRow, [string, string]>;
  readonly cases: Table<Case, string>;
}

export function datasetTables(tx: Transaction): DatasetTables {
  return {
    meta: tx.table<MetaRow, MetaKey>('meta'),
    township: tx.table<Township, string>('township'),
    communities: tx.table<Community, string>('communities'),
    grids: tx.table<Grid, string>('grids'),
    gridWorkers: tx.table<GridWorker, string>('gridWorkers'),
    patrolAreas: tx.table<PatrolArea, string>('patrolAreas'),
    teams: tx.table<Team, string>('teams'),
    officers: tx.table<Officer, string>('officers'),
    departments: tx.table<Department, string>('departments'),
    matters: tx.table<Matter, string>('matters'),
    basemap: tx.table<BasemapRow, [string, string]>('basemap'),
    cases: tx.table<Case, string>('cases'),
  };
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
    t.grids.toArray(),
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
 * Clears every table and writes `dataset`; call inside one rw transaction over all tables. Uses
 * `bulkAdd`, so a duplicate key throws and, uncaught, aborts the whole transaction: all or nothing.
 */
export async function writeDataset(
  t: DatasetTables,
  dataset: TownshipDataset,
  info: StoredInfo,
): Promise<void> {
  await Promise.all(TABLE_NAMES.map((name) => t[name].clear()));
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
  await t.meta.bulkAdd(meta);
  await t.township.add(dataset.township, TOWNSHIP_KEY);
  await t.communities.bulkAdd([...dataset.communities]);
  await t.grids.bulkAdd([...dataset.grids]);
  await t.gridWorkers.bulkAdd([...dataset.gridWorkers]);
  await t.patrolAreas.bulkAdd([...dataset.patrolAreas]);
  await t.teams.bulkAdd([...dataset.teams]);
  await t.officers.bulkAdd([...dataset.officers]);
  await t.departments.bulkAdd([...dataset.departments]);
  await t.matters.bulkAdd([...dataset.matters]);
  await t.basemap.bulkAdd(basemap);
  await t.cases.bulkAdd([...dataset.cases]);
}
