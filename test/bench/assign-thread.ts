import { parentPort, workerData } from 'node:worker_threads';
import type { AreaGeometry } from '../../shared/model/geo';
import { GridLocator } from '../../shared/spatial';

/** What the assignment bench hands each worker: the grids (cloned) and its slice of the shared points. */
export interface AssignThreadData {
  readonly areas: readonly { readonly code: string; readonly geometry: AreaGeometry }[];
  /** Float64Array lon / lat and Int32Array out over SharedArrayBuffers, all points. */
  readonly lon: SharedArrayBuffer;
  readonly lat: SharedArrayBuffer;
  readonly out: SharedArrayBuffer;
  /** This worker's points: from (inclusive) … to (exclusive). */
  readonly from: number;
  readonly to: number;
}

/** Worker → bench messages: `ready` once the locator is built, `done` after each `run`. */
export type AssignThreadMessage =
  | { readonly type: 'ready'; readonly buildMs: number }
  | { readonly type: 'done'; readonly ms: number; readonly settled: number };

/** Bench → worker: `run` locates the slice once more; `stop` ends the worker. */
export type AssignThreadCommand = { readonly type: 'run' } | { readonly type: 'stop' };

// Worker body of the assignment bench's multi-threaded GridDesk figure: builds its own GridLocator once,
// then on each `run` locates its slice of the shared points, writing straight into the shared output.
const port = parentPort;
if (port === null) throw new Error('assign-thread.ts runs only as a worker thread');
const data = workerData as AssignThreadData;
const count = data.to - data.from;
const lon = new Float64Array(data.lon, data.from * Float64Array.BYTES_PER_ELEMENT, count);
const lat = new Float64Array(data.lat, data.from * Float64Array.BYTES_PER_ELEMENT, count);
const out = new Int32Array(data.out, data.from * Int32Array.BYTES_PER_ELEMENT, count);

const buildStart = performance.now();
const locator = new GridLocator(data.areas);
port.postMessage({
  type: 'ready',
  buildMs: performance.now() - buildStart,
} satisfies AssignThreadMessage);

port.on('message', (command: AssignThreadCommand) => {
  if (command.type === 'stop') {
    port.close();
    return;
  }
  const start = performance.now();
  const settled = locator.locateMany(lon, lat, out);
  port.postMessage({ type: 'done', ms: performance.now() - start, settled } satisfies AssignThreadMessage);
});
