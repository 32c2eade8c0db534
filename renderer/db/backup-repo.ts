import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  loopStatesFromRecord,
  type BackupFile,
} from '../../shared/backup/backup';
import type { GridDeskDb } from './database';
import { readChainHead } from './record-repo';
import { loadSettings } from './settings-repo';
import { datasetTables, readStoredDataset, writeDataset } from './tables';

/**
 * Everything a restore needs, read in one transaction so the dataset, the record and its head agree.
 * `createdBy` is the display name of the account making the backup; `now` is epoch milliseconds.
 */
export async function exportBackup(db: GridDeskDb, createdBy: string, now: number): Promise<BackupFile> {
  return db.transaction('r', db.tables, async (tx) => {
    const stored = await readStoredDataset(datasetTables(tx));
    if (stored === undefined) throw new Error('nothing to back up: no dataset is stored');
    const [chainHead, events, accounts, settings] = await Promise.all([
      readChainHead(db),
      db.events.orderBy('seq').toArray(),
      db.accounts.toArray(),
      loadSettings(db),
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now,
      createdBy,
      chainHead,
      dataset: stored.dataset,
      events,
      accounts,
      settings,
    };
  });
}

/**
 * Replaces everything on this PC with a checked backup (see parseBackup), in ONE transaction: the
 * dataset, the record and its head, the loop states rebuilt from the record, the accounts and the
 * settings. Attachments are cleared (backups do not carry them yet). Either all of it or nothing.
 */
export async function restoreBackup(db: GridDeskDb, backup: BackupFile): Promise<void> {
  const loops = loopStatesFromRecord(backup.events);
  await db.transaction('rw', db.tables, async (tx) => {
    await writeDataset(datasetTables(tx), backup.dataset, {});
    await Promise.all([db.caseLoops.clear(), db.events.clear(), db.accounts.clear(), db.attachments.clear()]);
    await db.caseLoops.bulkAdd(
      [...loops].map(([caseId, loop]) => ({ caseId, state: loop.state, lastSeq: loop.lastSeq })),
    );
    await db.events.bulkAdd([...backup.events]);
    await db.accounts.bulkAdd([...backup.accounts]);
    await db.meta.put({ key: 'chainHead', value: backup.chainHead });
    await db.meta.put({ key: 'settings', value: backup.settings });
  });
}
