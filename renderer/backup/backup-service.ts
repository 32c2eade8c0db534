/**
 * What the backup worker does, as plain functions (no DOM): size-check a chosen backup before reading
 * it, unpack it through the ZIP guard, and check it with parseBackup (every event's hash and link),
 * off the UI thread. The checked backup and its attachment bytes (transferred, not copied) come back.
 */
import { transfer } from 'comlink';
import { BACKUP_POLICY, unpackBackupChecked, type UnpackProblem } from '../../shared/backup/archive';
import { parseBackup, type BackupFile, type BackupProblem } from '../../shared/backup/backup';
import { checkArchiveSize } from '../../shared/zip/guard';

/** Where the work is: `unzip` with bytes inflated of the declared total, then `verify`. */
export interface BackupProgress {
  readonly phase: 'unzip' | 'verify';
  readonly done: number;
  readonly total: number;
}

export type BackupOpen =
  | {
      readonly ok: true;
      readonly backup: BackupFile;
      readonly files: ReadonlyMap<string, Uint8Array>;
    }
  /** Every problem found: one when the archive itself is refused, else all that parseBackup names. */
  | { readonly ok: false; readonly problems: readonly (UnpackProblem | BackupProblem)[] };

export function createBackupService() {
  return {
    /**
     * Opens and checks the backup `file` (named `name` in messages); a format-1 file's ids are scoped
     * by `workstationId`, the reading workstation's (shared/backup/backup.ts).
     */
    async open(
      file: Blob,
      name: string,
      workstationId: string,
      onProgress?: (progress: BackupProgress) => void,
    ): Promise<BackupOpen> {
      const tooBig = checkArchiveSize(file.size, name, BACKUP_POLICY);
      if (tooBig !== null) return { ok: false, problems: [tooBig] };
      const bytes = new Uint8Array(await file.arrayBuffer());
      let last = 0;
      const unpacked = unpackBackupChecked(bytes, name, (done, total) => {
        if (done - last < 1024 * 1024 && done < total) return;
        last = done;
        onProgress?.({ phase: 'unzip', done, total });
      });
      if (!unpacked.ok) return { ok: false, problems: [unpacked.problem] };
      onProgress?.({ phase: 'verify', done: 0, total: 1 });
      const sizes = new Map([...unpacked.files].map(([path, data]) => [path, data.length]));
      const parsed = await parseBackup(unpacked.json, name, sizes, { workstationId, now: Date.now() });
      if (!parsed.ok) return parsed;
      const buffers = [...unpacked.files.values()].map((data) => data.buffer as ArrayBuffer);
      return transfer({ ok: true, backup: parsed.backup, files: unpacked.files }, buffers);
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
