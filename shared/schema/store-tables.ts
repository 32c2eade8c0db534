/**
 * The one list of the workstation's stored tables (IndexedDB through Dexie on a seat; the centre
 * server's tables will follow the same names). Each table says which part of the store it belongs to,
 * the store version it appeared in, and its key and index layout at every version that changed it.
 * Everything else is derived from here: Dexie's `version(n).stores(…)` calls, the typed table map of
 * a transaction, the tables a dataset write clears, and the migration steps, which must name every
 * table (store-migrations.ts).
 *
 * Layout strings are Dexie's: the primary key first (`''` for an outbound key, `[a+b]` compound,
 * `&` unique), then the indexed fields. Rows hold whole model objects; only keys and indexes are listed.
 */

/** The store layout this code reads and writes: the Dexie version of the database. */
export const STORE_VERSION = 7;

/**
 * `dataset`: the township's data, replaced as a whole by a seed, a reset or a restore;
 * `record`: the case loop (state per case, the hash-chained events, attachments);
 * `local`: this installation's own (accounts).
 */
export type StorePart = 'dataset' | 'record' | 'local';

export interface StoreTableSpec {
  readonly part: StorePart;
  /** Layout by the store version that introduced or changed it; the lowest key is when it appeared. */
  readonly layouts: Readonly<Record<number, string>>;
}

export const STORE_TABLES = {
  /** Key/value rows: the dataset's meta, the chain head, settings, the workstation id (see MetaValues). */
  meta: { part: 'dataset', layouts: { 1: 'key' } },
  /** One row under an outbound key. */
  township: { part: 'dataset', layouts: { 1: '' } },
  communities: { part: 'dataset', layouts: { 1: 'code' } },
  grids: { part: 'dataset', layouts: { 1: 'code, patrolAreaId, communityCode' } },
  gridWorkers: { part: 'dataset', layouts: { 1: 'id' } },
  patrolAreas: { part: 'dataset', layouts: { 1: 'id, teamId' } },
  teams: { part: 'dataset', layouts: { 1: 'id' } },
  officers: { part: 'dataset', layouts: { 1: 'id, teamId, status' } },
  departments: { part: 'dataset', layouts: { 1: 'id' } },
  matters: { part: 'dataset', layouts: { 1: 'code, domain' } },
  basemap: { part: 'dataset', layouts: { 1: '[kind+id], kind' } },
  cases: {
    part: 'dataset',
    layouts: {
      1: 'id, stage, gridCode, teamId, reportedAt, matterCode, [stage+reportedAt]',
      // Version 3: ids are scoped by the workstation, so the next case number is found by caseNo.
      3: 'id, caseNo, stage, gridCode, teamId, reportedAt, matterCode, [stage+reportedAt]',
    },
  },
  /** Version 4 indexes each case's latest event time: the queue reads recent cases, not the history. */
  caseLoops: { part: 'record', layouts: { 2: 'caseId', 4: 'caseId, lastAt' } },
  /** The record by chain position; version 3 adds each event's own id (workstation-scoped, unique). */
  events: { part: 'record', layouts: { 2: 'seq, caseId', 3: 'seq, caseId, &id' } },
  accounts: { part: 'local', layouts: { 2: 'id, &username' } },
  attachments: { part: 'record', layouts: { 2: 'id, caseId' } },
  /**
   * Version 4: each case's contribution to the period indicators (shared/indicators/tally.ts), by case;
   * indexed by report day, by day and team (to re-sum a day roll-up) and by its latest 结案 (the wall's
   * closed today). Derived from cases and events: rebuilt when missing, never backed up.
   */
  caseTallies: { part: 'record', layouts: { 4: 'caseId, day, [day+teamId], closedAt' } },
  /** Version 4: the indicators' daily roll-ups, the sums of each day's and team's case tallies. */
  dayTallies: { part: 'record', layouts: { 4: '[day+teamId], day' } },
  /**
   * Version 5: 历史案件, an old system's cases imported as read-only history (shared/history/), keyed
   * by their 案件编号; by 工单号 (the 12345 import's already-imported check), grid and report time (the
   * per-grid counts and, by grid and time, the most recent ones) and by the import that brought them (its undo). Part of the
   * dataset: a seed, reset or restore replaces it with the rest of the township's data.
   */
  historyCases: {
    part: 'dataset',
    layouts: { 5: 'caseNo, externalRef, gridCode, reportedAt, importId, [gridCode+reportedAt]' },
  },
  /**
   * Version 6: the officers' tracks (轨迹, shared/positions/tracks.ts), thinned as the position feed
   * writes them, keyed by officer and fix time, by time for the retention window's deletion. Part of
   * the record: a reset or a restore starts them afresh; a dataset write (new grids) keeps them.
   */
  trackPoints: { part: 'record', layouts: { 6: '[officerId+at], at' } },
  /**
   * Version 7: 越界告警 (shared/positions/geofence.ts). What the geofence keeps per officer between
   * fixes (the newest fix inside, the stretch outside now), by officer; and the alerts, by id, by
   * officer and by the stretch's first fix outside. Part of the record: a reset or a restore starts
   * them afresh (an acknowledgement stays in the events); a dataset write keeps them.
   */
  geofenceWatches: { part: 'record', layouts: { 7: 'officerId' } },
  geofenceAlerts: { part: 'record', layouts: { 7: 'id, officerId, since' } },
} as const satisfies Readonly<Record<string, StoreTableSpec>>;

export type StoreTableName = keyof typeof STORE_TABLES;

/** The names of the tables of one part, as a type. */
export type TableOfPart<P extends StorePart> = {
  [N in StoreTableName]: (typeof STORE_TABLES)[N]['part'] extends P ? N : never;
}[StoreTableName];

/** Every table, in the registry's order. */
export const STORE_TABLE_NAMES = Object.keys(STORE_TABLES) as StoreTableName[];

/** The tables of one part of the store. */
export function tablesOfPart<P extends StorePart>(part: P): TableOfPart<P>[] {
  return STORE_TABLE_NAMES.filter((name): name is TableOfPart<P> => STORE_TABLES[name].part === part);
}

/** The store version a table first appeared in. */
export function tableSince(name: StoreTableName): number {
  return Math.min(...Object.keys(STORE_TABLES[name].layouts).map(Number));
}

/** Whether a table exists at a store version. */
export function tableExistsAt(name: StoreTableName, version: number): boolean {
  return tableSince(name) <= version;
}

/**
 * What Dexie's `version(version).stores(…)` takes: the tables that appear or change layout at that
 * version (Dexie keeps the others as they were).
 */
export function layoutChangesAt(version: number): { readonly [name: string]: string } {
  const changes: Record<string, string> = {};
  for (const name of STORE_TABLE_NAMES) {
    const layouts: Readonly<Record<number, string>> = STORE_TABLES[name].layouts;
    const layout = layouts[version];
    if (layout !== undefined) changes[name] = layout;
  }
  return changes;
}

/** The layout of every table existing at `version` (what a database of that version has). */
export function layoutAt(version: number): { readonly [name: string]: string } {
  const layout: Record<string, string> = {};
  for (const name of STORE_TABLE_NAMES) {
    const layouts: Readonly<Record<number, string>> = STORE_TABLES[name].layouts;
    const versions = Object.keys(layouts)
      .map(Number)
      .filter((v) => v <= version);
    const latest = layouts[Math.max(...versions)];
    if (latest !== undefined) layout[name] = latest;
  }
  return layout;
}
