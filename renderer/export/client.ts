import { wrap } from 'comlink';
import type { ExportRequest, ExportService } from './export.worker';

export type ExportOutcome = Awaited<ReturnType<ExportService['run']>>;

/** Builds one export file in a fresh export worker, which ends when it is done. */
export async function exportInWorker(request: ExportRequest): Promise<ExportOutcome> {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) =>
      reject(new Error(`export worker failed: ${e.message || 'it did not start'}`)),
    ),
  );
  try {
    return await Promise.race([wrap<ExportService>(worker).run(request), failed]);
  } finally {
    worker.terminate();
  }
}

export type { ExportRequest } from './export.worker';
