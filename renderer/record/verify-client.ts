import { proxy, wrap, type Remote } from 'comlink';
import type { ChainHead, VerifyResult } from '../../shared/cases/record';
import type { ExtendsResult } from '../../shared/cases/record-anchor';
import type { IncrementalOutcome } from '../../shared/cases/record-checkpoint';
import type { RecordService } from './record.worker';

/** A check running in its own worker. */
export interface WorkerRun<T> {
  /** The outcome; the `cancelled` value when {@link WorkerRun.cancel} was called first. */
  readonly done: Promise<T>;
  readonly cancel: () => void;
}

/** What a check found, with the stored head (null when cancelled) and the number of stored events. */
export interface CheckOutcome<R> {
  readonly result: R;
  readonly head: ChainHead | null;
  readonly count: number;
}

export type VerifyRun = WorkerRun<CheckOutcome<VerifyResult>>;
export type ExtendsRun = WorkerRun<CheckOutcome<ExtendsResult>>;
export type IncrementalRun = WorkerRun<{
  readonly outcome: IncrementalOutcome;
  readonly head: ChainHead | null;
  readonly count: number;
}>;

/** Starts `work` in a fresh record worker; cancel terminates the worker at once and yields `cancelled`. */
function runInWorker<T>(work: (service: Remote<RecordService>) => Promise<T>, cancelled: T): WorkerRun<T> {
  const worker = new Worker(new URL('./record.worker.ts', import.meta.url), { type: 'module' });
  const service = wrap<RecordService>(worker);
  let cancel: () => void = () => undefined;
  const stopped = new Promise<T>((resolve) => {
    cancel = () => {
      worker.terminate();
      resolve(cancelled);
    };
  });
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) =>
      reject(new Error(`record worker failed: ${e.message || 'it did not start'}`)),
    ),
  );
  const running = work(service).finally(() => worker.terminate());
  return { done: Promise.race([running, stopped, failed]), cancel };
}

/**
 * Verifies the stored record of database `dbName` in a fresh worker, reporting progress; cancel
 * terminates the worker at once.
 */
export function verifyRecordInWorker(
  dbName: string,
  onProgress: (checked: number, total: number) => void,
): VerifyRun {
  return runInWorker<CheckOutcome<VerifyResult>>((service) => service.verify(dbName, proxy(onProgress)), {
    result: { ok: false, kind: 'cancelled', key: 'record.cancelled' },
    head: null,
    count: 0,
  });
}

/** Runs the incremental check (the events since the last verified point) in a fresh worker. */
export function verifySinceInWorker(
  dbName: string,
  onProgress: (checked: number, total: number) => void,
): IncrementalRun {
  return runInWorker<IncrementalRun extends WorkerRun<infer T> ? T : never>(
    (service) => service.verifySince(dbName, proxy(onProgress)),
    {
      outcome: {
        kind: 'checked',
        from: 0,
        to: 0,
        result: { ok: false, kind: 'cancelled', key: 'record.cancelled' },
      },
      head: null,
      count: 0,
    },
  );
}

/** Checks in a fresh worker whether the stored record extends the head `noted`, reporting progress. */
export function checkExtendsInWorker(
  dbName: string,
  noted: ChainHead,
  onProgress: (checked: number, total: number) => void,
): ExtendsRun {
  return runInWorker<CheckOutcome<ExtendsResult>>(
    (service) => service.checkExtends(dbName, noted, proxy(onProgress)),
    {
      result: { ok: false, kind: 'cancelled' },
      head: null,
      count: 0,
    },
  );
}
