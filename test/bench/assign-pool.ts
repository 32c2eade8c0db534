import { Worker } from 'node:worker_threads';
import type { AreaGeometry } from '../../shared/model/geo';
import type { AssignThreadCommand, AssignThreadData, AssignThreadMessage } from './assign-thread';

export interface ThreadedAssign {
  /** Grid index per point, −1 outside every grid, as written by the workers. */
  readonly out: Int32Array;
  readonly threads: number;
  /** Slowest worker's locator build, milliseconds (they build at the same time, so this is the wall time). */
  readonly buildMs: number;
  /** Median wall time of one query round (post `run` to every worker → last `done`), milliseconds. */
  readonly medianMs: number;
  readonly settled: number;
}

/**
 * The worker file is TypeScript, so each worker starts from a tiny eval'd bootstrap that loads it through
 * tsx's `tsImport` (both resolved from here, so any cwd works). `execArgv: ['--import', 'tsx']` does not work
 * on Node 20: the worker still rejects the `.ts` entry with ERR_UNKNOWN_FILE_EXTENSION.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./assign-thread.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}));`;

/**
 * GridDesk across worker threads: each worker builds its own locator from a structured clone of the grids,
 * then locates a contiguous slice of the points. Points and answers live in SharedArrayBuffers, so a query
 * round copies nothing; it is timed from the main thread, message latency included.
 */
export async function assignOnThreads(
  areas: readonly { readonly code: string; readonly geometry: AreaGeometry }[],
  lon: Float64Array,
  lat: Float64Array,
  threads: number,
  options: { warmup: number; runs: number },
): Promise<ThreadedAssign> {
  const n = lon.length;
  const lonShared = new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT);
  const latShared = new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT);
  const outShared = new SharedArrayBuffer(n * Int32Array.BYTES_PER_ELEMENT);
  new Float64Array(lonShared).set(lon);
  new Float64Array(latShared).set(lat);
  const out = new Int32Array(outShared).fill(-2); // −2: never written, shows up as a mismatch

  const workers: Worker[] = [];
  // The one message each worker is awaited for; a worker error or early exit rejects it.
  const pending = new Map<
    Worker,
    { resolve: (m: AssignThreadMessage) => void; reject: (e: Error) => void }
  >();
  let failure: Error | null = null;
  const next = (worker: Worker): Promise<AssignThreadMessage> =>
    new Promise((resolve, reject) => {
      if (failure) reject(failure);
      else pending.set(worker, { resolve, reject });
    });
  const fail = (worker: Worker, error: Error): void => {
    failure ??= error;
    pending.get(worker)?.reject(error);
    pending.delete(worker);
  };
  try {
    for (let t = 0; t < threads; t++) {
      const workerData: AssignThreadData = {
        areas,
        lon: lonShared,
        lat: latShared,
        out: outShared,
        from: Math.floor((t * n) / threads),
        to: Math.floor(((t + 1) * n) / threads),
      };
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData });
      worker.on('message', (message: AssignThreadMessage) => {
        const waiting = pending.get(worker);
        pending.delete(worker);
        waiting?.resolve(message);
      });
      worker.on('error', (error) => fail(worker, error));
      worker.on('exit', (code) => fail(worker, new Error(`assign worker exited (code ${code})`)));
      workers.push(worker);
    }
    const ready = await Promise.all(workers.map(next));
    const buildMs = Math.max(...ready.map((m) => (m.type === 'ready' ? m.buildMs : 0)));

    const times: number[] = [];
    let settled = 0;
    for (let round = 0; round < options.warmup + options.runs; round++) {
      const start = performance.now();
      const done = workers.map(next);
      for (const w of workers) w.postMessage({ type: 'run' } satisfies AssignThreadCommand);
      const messages = await Promise.all(done);
      const ms = performance.now() - start;
      if (round >= options.warmup) times.push(ms);
      settled = messages.reduce((sum, m) => sum + (m.type === 'done' ? m.settled : 0), 0);
    }
    times.sort((a, b) => a - b);
    return { out, threads, buildMs, medianMs: times[Math.floor(times.length / 2)] ?? 0, settled };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
