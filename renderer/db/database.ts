import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { Case } from '../../shared/model/case';
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
import type { Account } from '../../shared/accounts/account';
import type { StoredCaseEvent } from '../../shared/cases/history';
import {
  STORES_V1,
  STORES_V2,
  type AttachmentRow,
  type BasemapRow,
  type CaseLoopRow,
  type MetaKey,
  type MetaRow,
} from './tables';
import { upgradeStoredDataset } from './upgrade';
import { buildRecordOnUpgrade } from './record-repo';

/** Name of the IndexedDB database in a real profile. Tests pass their own names. */
export const DB_NAME = 'griddesk';

/**
 * The workstation's local database (IndexedDB through Dexie). Plain data only: never hand the
 * database or its tables to Vue reactivity; stores keep the plain objects the repositories return.
 *
 * Adding version 2 (keep every earlier `version()` call, Dexie needs the history):
 *   1. bump CURRENT_SCHEMA_VERSION and add the `{ version: 2, up }` step in shared/schema/migrations.ts;
 *   2. in tables.ts add STORES_V2 with only the tables whose keys or indexes change (null deletes one);
 *   3. here, below version(1):
 *        this.version(2).stores(STORES_V2).upgrade((tx) => upgradeStoredDataset(tx));
 *   The hook reads the stored dataset, runs the shared migration steps, validates the result and
 *   writes it back in the same version-change transaction; if anything fails the upgrade aborts, the
 *   database does not open and the old data stays as it was.
 */
export class GridDeskDb extends Dexie {
  meta!: Table<MetaRow, MetaKey>;
  /** One row, under {@link TOWNSHIP_KEY} (outbound key). */
  township!: Table<Township, string>;
  communities!: Table<Community, string>;
  grids!: Table<Grid, string>;
  gridWorkers!: Table<GridWorker, string>;
  patrolAreas!: Table<PatrolArea, string>;
  teams!: Table<Team, string>;
  officers!: Table<Officer, string>;
  departments!: Table<Department, string>;
  matters!: Table<Matter, string>;
  basemap!: Table<BasemapRow, [string, string]>;
  cases!: Table<Case, string>;
  caseLoops!: Table<CaseLoopRow, string>;
  /** The append-only, hash-chained record, by chain position. Only record-repo.ts writes here. */
  events!: Table<StoredCaseEvent, number>;
  accounts!: Table<Account, string>;
  attachments!: Table<AttachmentRow, string>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1 is the first layout: its hook only runs for a database that an older build created
    // with a lower version number, and then finds nothing to migrate. It is here as the pattern.
    this.version(1)
      .stores(STORES_V1)
      .upgrade((tx) => upgradeStoredDataset(tx));
    // Version 2 adds the record's tables. A version-1 database's cases get their loop state and record
    // built from their histories here, once, in the version-change transaction (hashing is synchronous).
    // Nothing else ever builds a record for stored cases: a record gone missing later is an alarm.
    this.version(2)
      .stores(STORES_V2)
      .upgrade((tx) => buildRecordOnUpgrade(tx));
  }
}

/**
 * Every transaction commits with durability 'strict': IndexedDB reports it complete only once the
 * changes are flushed to disk, not merely handed to the operating system (Chromium's default since 83
 * is 'relaxed'). A case action and its event in the record must survive a power cut of the PC the
 * moment the operator saw it saved; the cost is one flush per transaction, which a workstation writing
 * a few transactions a second never feels.
 */
export const TRANSACTION_DURABILITY = 'strict' satisfies DexieOptions['chromeTransactionDurability'];

/** Opens (creating or upgrading as needed, on first use) the local database, with strict durability. */
export function openDb(name: string = DB_NAME, options?: DexieOptions): GridDeskDb {
  return new GridDeskDb(name, { chromeTransactionDurability: TRANSACTION_DURABILITY, ...options });
}

export {
  TOWNSHIP_KEY,
  type AttachmentRow,
  type BasemapRow,
  type CaseLoopRow,
  type MetaKey,
  type MetaRow,
  type MetaValue,
} from './tables';
