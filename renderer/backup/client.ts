import { proxy } from 'comlink';
import { workerJob } from '../import/worker-job';
import type { BackupOpen, BackupProgress, BackupService } from './backup-service';

export { WorkCancelled } from '../import/worker-job';

/** Opening one backup file in its own worker; cancel terminates it. */
export interface BackupOpenJob {
  readonly done: Promise<BackupOpen>;
  cancel(): void;
}

/** Unpacks and checks `file` in a fresh worker, reporting progress; see BackupService.open. */
export function openBackupInWorker(
  file: File,
  workstationId: Promise<string>,
  onProgress: (progress: BackupProgress) => void,
): BackupOpenJob {
  const job = workerJob<BackupService>(
    new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' }),
    'backup',
  );
  const done = job
    .run<BackupOpen>(async (s) => s.open(file, file.name, await workstationId, proxy(onProgress)))
    .finally(() => job.end());
  return { done, cancel: () => job.cancel() };
}
