import { proxy, wrap } from 'comlink';
import type { ChainHead, VerifyResult } from '../../shared/cases/record';
import type { RecordService } from './record.worker';

export interface VerifyRun {
  /** The outcome; `cancelled` when {@link VerifyRun.cancel} was called first. */
  readonly done: Promise<{
    readonly result: VerifyResult;
    readonly head: ChainHead | null;
    readonly count: number;
  }>;
  readonly cancel: () => void;
}

/**
 * Verifies the stored record of database `dbName` in a fresh worker, reporting progress; cancel
 * terminates the worker at once.
 */
export function verifyRecordInWorker(
  dbName: string,
  onProgress: (checked: number, total: number) => void,
): VerifyRun {
  const worker = new Worker(new URL('./record.worker.ts', import.meta.url), { type: 'module' });
  const service = wrap<RecordService>(worker);
  let cancel: () => void = () => undefined;
  const cancelled = new Promise<{ result: VerifyResult; head: null; count: number }>((resolve) => {
    cancel = () => {
      worker.terminate();
      resolve({ result: { ok: false, kind: 'cancelled', key: 'record.cancelled' }, head: null, count: 0 });
    };
  });
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) =>
      reject(new Error(`record worker failed: ${e.message || 'it did not start'}`)),
    ),
  );
  const work = service.verify(dbName, proxy(onProgress)).finally(() => worker.terminate());
  return { done: Promise.race([work, cancelled, failed]), cancel };
}
