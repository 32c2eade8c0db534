import { wrap, type Endpoint, type Remote } from 'comlink';

/** Thrown by a call whose worker was cancelled before it answered. */
export class WorkCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'WorkCancelled';
  }
}

/** A worker behind a typed service, with cancel: terminate the worker, reject what is pending. */
export interface WorkerJob<T> {
  /** Runs `call` against the service; rejects with WorkCancelled after cancel, or if the worker dies. */
  run<R>(call: (service: Remote<T>) => PromiseLike<R>): Promise<R>;
  /** Terminates the worker at once (the work stops mid-file) and rejects pending calls. */
  cancel(): void;
  /** Terminates the worker once its work is done. */
  end(): void;
}

/** What a job needs of its worker: a browser Worker, or a Node worker thread shaped as one (tests). */
export type JobWorker = Endpoint & { terminate(): void };

/** Starts `worker` (one per job) and wraps its comlink service. */
export function workerJob<T>(worker: JobWorker, label: string): WorkerJob<T> {
  const service = wrap<T>(worker);
  let ended = false;
  let stop: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  worker.addEventListener('error', (e: Event) => {
    const message = 'message' in e ? String(e.message) : '';
    stop(new Error(`${label} worker failed: ${message || 'it did not start'}`));
  });
  return {
    run: (call) => Promise.race([call(service), stopped]),
    cancel() {
      if (ended) return;
      ended = true;
      worker.terminate();
      stop(new WorkCancelled());
    },
    end() {
      ended = true;
      worker.terminate();
    },
  };
}

/** A worker kept for the window's life behind a typed service (see {@link keptWorker}). */
export interface KeptWorker<T> {
  /** Runs `call` against the service, starting the worker first if none runs. */
  call<R>(call: (service: Remote<T>) => PromiseLike<R>): Promise<R>;
}

/**
 * A worker started by `start` on first use and kept, with what it holds, for the next call. A worker
 * that fails is dropped (the next call starts another) and its failure is the call's.
 */
export function keptWorker<T>(start: () => JobWorker, label: string): KeptWorker<T> {
  let running: WorkerJob<T> | null = null;
  return {
    async call(call) {
      const current = (running ??= workerJob<T>(start(), label));
      try {
        return await current.run(call);
      } catch (error) {
        if (running === current) {
          current.end();
          running = null;
        }
        throw error;
      }
    },
  };
}
