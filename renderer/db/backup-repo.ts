import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  attachmentPath,
  loopStatesFromRecord,
  type BackupFile,
} from '../../shared/backup/backup';
import type { AttachmentRow } from './tables';
import type { GridDeskDb } from './database';
import { readChainHead } from './record-repo';
import { loadSettings } from './settings-repo';
import { datasetTables, readStoredDataset, writeDataset } from './tables';

/**
 * Everything a restore needs, read in one transaction so the dataset, the record and its head agree.
 * `createdBy` is the display name of the account making the backup; `now` is epoch milliseconds.
 */
export async function exportBackup(
  db: GridDeskDb,
  createdBy: string,
  now: number,
): Promise<{ readonly backup: BackupFile; readonly files: ReadonlyMap<string, Uint8Array> }> {
  const [backup, rows] = await db.transaction('r', db.tables, async (tx) => {
    const stored = await readStoredDataset(datasetTables(tx));
    if (stored === undefined) throw new Error('nothing to back up: no dataset is stored');
    const [chainHead, events, accounts, settings, attachments] = await Promise.all([
      readChainHead(db),
      db.events.orderBy('seq').toArray(),
      db.accounts.toArray(),
      loadSettings(db),
      db.attachments.toArray(),
    ]);
    const file: BackupFile = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now,
      createdBy,
      chainHead,
      dataset: stored.dataset,
      events,
      accounts,
      settings,
      attachments: attachments.map((a) => ({
        id: a.id,
        caseId: a.caseId,
        name: a.name,
        type: a.type,
        size: a.size,
        addedAt: a.addedAt,
        addedBy: a.addedBy,
        hasThumbnail: a.thumbnail !== null,
      })),
    };
    return [file, attachments] as const;
  });
  // Blob bytes are read after the transaction: reading a Blob is not an IndexedDB request.
  const files = new Map<string, Uint8Array>();
  for (const row of rows) {
    files.set(attachmentPath(row.id, 'file'), new Uint8Array(await row.blob.arrayBuffer()));
    if (row.thumbnail !== null) {
      files.set(attachmentPath(row.id, 'thumbnail'), new Uint8Array(await row.thumbnail.arrayBuffer()));
    }
  }
  // The newest exported head anchors the start-up check (record-health.ts): a later rewrite of the
  // record, head included, no longer passes through it.
  await db.meta.put({ key: 'lastBackupHead', value: { ...backup.chainHead, exportedAt: now } });
  return { backup, files };
}

/**
 * Replaces everything on this PC with a checked backup (see parseBackup), in ONE transaction: the
 * dataset, the record and its head, the loop states rebuilt from the record, the accounts and the
 * settings and the attachments with their bytes (`files`, archive path → bytes). All of it or nothing.
 */
export async function restoreBackup(
  db: GridDeskDb,
  backup: BackupFile,
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<void> {
  const loops = loopStatesFromRecord(backup.events);
  const attachments: AttachmentRow[] = backup.attachments.map((a) => {
    const bytes = files.get(attachmentPath(a.id, 'file'));
    const thumb = a.hasThumbnail ? files.get(attachmentPath(a.id, 'thumbnail')) : undefined;
    if (bytes === undefined) throw new Error(`attachment ${a.id} has no bytes in the backup`);
    return {
      id: a.id,
      caseId: a.caseId,
      name: a.name,
      type: a.type,
      size: a.size,
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: a.type }),
      thumbnail:
        thumb === undefined ? null : new Blob([thumb as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
      addedAt: a.addedAt,
      addedBy: a.addedBy,
    };
  });
  await db.transaction('rw', db.tables, async (tx) => {
    await writeDataset(datasetTables(tx), backup.dataset, {});
    await Promise.all([db.caseLoops.clear(), db.events.clear(), db.accounts.clear(), db.attachments.clear()]);
    await db.caseLoops.bulkAdd(
      [...loops].map(([caseId, loop]) => ({ caseId, state: loop.state, lastSeq: loop.lastSeq })),
    );
    await db.events.bulkAdd([...backup.events]);
    await db.accounts.bulkAdd([...backup.accounts]);
    await db.attachments.bulkAdd(attachments);
    await db.meta.put({ key: 'chainHead', value: backup.chainHead });
    await db.meta.put({ key: 'settings', value: backup.settings });
  });
}
