import { Dexie, type DexieOptions } from 'dexie';
import { STORE_VERSION, layoutChangesAt } from '../../shared/schema/store-tables';
import type { StoreTables } from './tables';
import { upgradeStoredDataset } from './upgrade';
import { drawWorkstation, upgradeStoreTo } from './store-upgrade';

/** Name of the IndexedDB database in a real profile. Tests pass their own names. */
export const DB_NAME = 'griddesk';

/**
 * The workstation's local database (IndexedDB through Dexie). Plain data only: never hand the
 * database or its tables to Vue reactivity; stores keep the plain objects the repositories return.
 *
 * Its tables and their layouts come from the registry (shared/schema/store-tables.ts), one Dexie
 * version per store version, each upgraded by its shared step (shared/schema/store-migrations.ts).
 * Adding store version N+1:
 *   1. bump STORE_VERSION and give the changed tables a layout under N+1 in store-tables.ts;
 *   2. add the step to store-migrations.ts, saying what it does to every table;
 *   3. add the row types of a new table to TableTypes in tables.ts (the compiler insists).
 * Dexie runs the hooks of every version above the stored one, in order, in one version-change
 * transaction: if any step throws, the upgrade aborts, the database does not open and the old data
 * stays as it was.
 */
class GridDeskDexie extends Dexie {
  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1 is the dataset in tables: its hook brings an older dataset document up to date.
    this.version(1)
      .stores(layoutChangesAt(1))
      .upgrade((tx) => upgradeStoredDataset(tx));
    // Version 2 adds the record: a version-1 database's cases get their loop state and record here,
    // once (hashing is synchronous). Nothing else ever builds a record for stored cases: a record gone
    // missing later is an alarm. Version 3 scopes case and event ids by the workstation id.
    for (let version = 2; version <= STORE_VERSION; version += 1) {
      this.version(version)
        .stores(layoutChangesAt(version))
        .upgrade((tx) => upgradeStoreTo(version, tx));
    }
    // A new database draws its workstation id at once; an older one draws it in the version-3 step.
    this.on('populate', (tx) => {
      void tx.table('meta').add({ key: 'workstation', value: drawWorkstation(Date.now()) });
    });
  }
}

/** The database, with every table of the registry typed (see tables.ts StoreTables). */
export interface GridDeskDb extends GridDeskDexie, StoreTables {}
export const GridDeskDb = GridDeskDexie as unknown as new (
  name?: string,
  options?: DexieOptions,
) => GridDeskDb;

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

/**
 * For a worker that lives as long as its window: the database `name`, opened on first use and kept
 * for the next call; another name closes the one before. `onOpen` sees each database opened. A
 * database closed under the worker (a reset or a restore deletes or upgrades it) is opened again by
 * Dexie on the next read.
 */
export function keptDb(onOpen: (db: GridDeskDb) => void = () => undefined): (name: string) => GridDeskDb {
  let open: GridDeskDb | null = null;
  return (name) => {
    if (open?.name !== name) {
      open?.close();
      open = openDb(name);
      onOpen(open);
    }
    return open;
  };
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
