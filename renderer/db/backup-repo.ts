import { dataEventSeqs } from './imports-repo';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  attachmentPath,
  hasEnabledLeader,
  loopStatesFromRecord,
  type BackupFile,
} from '../../shared/backup/backup';
import type { Account } from '../../shared/accounts/account';
import type { AttachmentRow } from './tables';
import type { GridDeskDb } from './database';
import { readChainHead } from './record-repo';
import { loadSettings } from './settings-repo';
import { bulkAddInChunks, datasetTables, readStoredDataset, writeDataset } from './tables';
import { closeSessionsOn, sessionLeader, type SessionToken } from './sessions';
import { workstationId } from './workstation-repo';
import { tablesOfPart } from '../../shared/schema/store-tables';
import { forgetTrackTails } from './positions-repo';

/** Why a backup may not be made or restored by this session. */
export interface BackupRefusal {
  readonly key: 'auth.notSignedIn' | 'auth.disabled' | 'backup.leaderOnly' | 'backup.noLeader';
  readonly params: Readonly<Record<string, string>>;
}

export type ExportBackupResult =
  | {
      readonly ok: true;
      readonly backup: BackupFile;
      readonly files: ReadonlyMap<string, Uint8Array>;
    }
  | { readonly ok: false; readonly refusal: BackupRefusal };

/** The session's stored account if it is an enabled shift leader (read now, in the caller's transaction). */
async function leaderAccount(
  db: GridDeskDb,
  session: SessionToken,
): Promise<
  { readonly ok: true; readonly account: Account } | { readonly ok: false; readonly refusal: BackupRefusal }
> {
  return sessionLeader(db, session, 'backup.leaderOnly');
}

/**
 * Everything a restore needs, read in one transaction so the dataset, the record and its head agree.
 * Only an enabled shift leader may make one (it holds every account's password hash), checked in
 * that transaction; the backup names the leader's display name as its maker. `now` is epoch ms.
 */
export async function exportBackup(
  db: GridDeskDb,
  session: SessionToken,
  now: number,
): Promise<ExportBackupResult> {
  const read = await db.transaction('r', db.tables, async (tx) => {
    const leader = await leaderAccount(db, session);
    if (!leader.ok) return leader;
    const createdBy = leader.account.displayName;
    const stored = await readStoredDataset(datasetTables(tx));
    if (stored === undefined) throw new Error('nothing to back up: no dataset is stored');
    const [chainHead, events, accounts, settings, attachments, workstation, rekey, history] =
      await Promise.all([
        readChainHead(db),
        db.events.orderBy('seq').toArray(),
        db.accounts.toArray(),
        loadSettings(db),
        db.attachments.toArray(),
        workstationId(db),
        db.meta.get('recordRekey'),
        db.historyCases.toArray(),
      ]);
    const file: BackupFile = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      workstationId: workstation,
      ...(rekey?.key === 'recordRekey' ? { recordRekey: rekey.value } : {}),
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
      ...(history.length === 0 ? {} : { historyCases: history }),
    };
    return { ok: true, backup: file, rows: attachments } as const;
  });
  if (!read.ok) return read;
  const { backup, rows } = read;
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
  return { ok: true, backup, files };
}

/**
 * Replaces everything on this PC with a checked backup (see parseBackup), in ONE transaction: the
 * dataset, the record and its head, the loop states rebuilt from the record, the accounts and the
 * settings and the attachments with their bytes (`files`, archive path → bytes). All of it or nothing.
 * Only an enabled shift leader may, checked in that transaction, and only a backup with an enabled
 * leader among its accounts is restored. Every session on this database ends with it: the accounts
 * they stood for were replaced, so everyone signs in again.
 */
export async function restoreBackup(
  db: GridDeskDb,
  session: SessionToken,
  backup: BackupFile,
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<{ readonly ok: true } | { readonly ok: false; readonly refusal: BackupRefusal }> {
  if (!hasEnabledLeader(backup.accounts))
    return { ok: false, refusal: { key: 'backup.noLeader', params: {} } };
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
  const refusal = await db.transaction('rw', db.tables, async (tx) => {
    const leader = await leaderAccount(db, session);
    if (!leader.ok) return leader.refusal;
    await writeDataset(datasetTables(tx), backup.dataset, {});
    // Every table outside the dataset (the registry's record and local parts) is replaced too.
    await Promise.all(
      [...tablesOfPart('record'), ...tablesOfPart('local')].map((name) => db.table(name).clear()),
    );
    await db.caseLoops.bulkAdd(
      [...loops].map(([caseId, loop]) => ({
        caseId,
        state: loop.state,
        lastSeq: loop.lastSeq,
        lastAt: loop.lastAt,
      })),
    );
    await db.events.bulkAdd([...backup.events]);
    await db.accounts.bulkAdd([...backup.accounts]);
    await db.attachments.bulkAdd(attachments);
    // The history is part of the dataset: writeDataset cleared it; the backup's comes back.
    await bulkAddInChunks(db.historyCases, backup.historyCases ?? []);
    await db.meta.put({ key: 'chainHead', value: backup.chainHead });
    await db.meta.put({ key: 'settings', value: backup.settings });
    const dataEvents = dataEventSeqs(backup.events);
    if (dataEvents.length > 0) await db.meta.put({ key: 'dataEvents', value: dataEvents });
    if (backup.recordRekey !== undefined)
      await db.meta.put({ key: 'recordRekey', value: backup.recordRekey });
    return null;
  });
  if (refusal) return { ok: false, refusal };
  closeSessionsOn(db);
  // The tracks were replaced (emptied: a backup has none): their last points read before are gone.
  forgetTrackTails(db);
  return { ok: true };
}
