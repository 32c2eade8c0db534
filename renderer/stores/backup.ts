import { defineStore } from 'pinia';
import type { BackupFile } from '../../shared/backup/backup';
import type { ChainHead } from '../../shared/cases/record';
import { exportBackup, restoreBackup } from '../db/backup-repo';
import { countCases } from '../db/cases-repo';
import { currentDb } from '../db/handle';
import { readChainHead } from '../db/record-repo';
import { workstationId } from '../db/workstation-repo';
import { openBackupInWorker, type BackupOpenJob } from '../backup/client';
import type { BackupProgress } from '../backup/backup-service';
import type { SessionToken } from '../db/sessions';

/**
 * Backing this PC's data up and restoring it, as the backup dialog asks. The repository
 * (db/backup-repo.ts) checks that the session is a shift leader's, in the transaction that reads or
 * replaces everything.
 */
export const useBackupStore = defineStore('backup', () => {
  /** What a restore would replace: the record's head, how many cases are stored, this workstation. */
  async function current(): Promise<{
    readonly head: ChainHead;
    readonly cases: number;
    readonly workstation: string;
  }> {
    const db = currentDb();
    return {
      head: await readChainHead(db),
      cases: await countCases(db),
      workstation: await workstationId(db),
    };
  }
  /** Everything a restore needs, as of `now` (epoch ms). */
  function make(session: SessionToken, now: number): ReturnType<typeof exportBackup> {
    return exportBackup(currentDb(), session, now);
  }
  /** Replaces this PC's data with `backup` and its attachment `files`, all or nothing. */
  function restore(
    session: SessionToken,
    backup: BackupFile,
    files: ReadonlyMap<string, Uint8Array>,
  ): ReturnType<typeof restoreBackup> {
    return restoreBackup(currentDb(), session, backup, files);
  }
  /**
   * Opens and checks a chosen backup file in a worker (backup/client.ts); an older format's ids are
   * scoped by this workstation's id as it is read.
   */
  function open(file: File, onProgress: (progress: BackupProgress) => void): BackupOpenJob {
    return openBackupInWorker(file, workstationId(currentDb()), onProgress);
  }
  return { current, make, restore, open };
});
