import { createRequire } from 'node:module';
import { Worker as NodeWorker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { keptWorker, type JobWorker } from '../../../renderer/import/worker-job';
import { threadAsWorker } from '../thread-worker';

const require = createRequire(import.meta.url);

/** A service in a Node worker thread: which thread it is, how many calls it has answered, and a crash. */
interface CountingService {
  thread(): { id: number; calls: number };
  crash(): Promise<never>;
}

/** The counting service in a fresh Node worker thread, shaped as the browser Worker a client starts. */
function countingThread(started: number[]): JobWorker {
  const source = `
    const { parentPort, threadId } = require('node:worker_threads');
    const { expose } = require(${JSON.stringify(require.resolve('comlink/dist/umd/comlink.js'))});
    const nodeEndpoint = require(${JSON.stringify(require.resolve('comlink/dist/umd/node-adapter.js'))});
    let calls = 0;
    expose({
      thread: () => ({ id: threadId, calls: ++calls }),
      crash: () => new Promise(() => setTimeout(() => { throw new Error('out of memory'); })),
    }, nodeEndpoint(parentPort));`;
  const thread = new NodeWorker(source, { eval: true });
  started.push(thread.threadId);
  return threadAsWorker(thread);
}

describe('a worker kept for the window', () => {
  it('starts on the first call and answers the next calls from the same worker', async () => {
    const started: number[] = [];
    const kept = keptWorker<CountingService>(() => countingThread(started), 'counting');
    expect(started).toEqual([]);
    const first = await kept.call((s) => s.thread());
    const second = await kept.call((s) => s.thread());
    expect(started).toEqual([first.id]);
    expect(second).toEqual({ id: first.id, calls: 2 });
    // A crash ends the thread, which the test process would otherwise wait for.
    await expect(kept.call((s) => s.crash())).rejects.toThrow('counting worker failed: out of memory');
  });

  it('rejects the call a worker dies in with its error, and starts another for the next call', async () => {
    const started: number[] = [];
    const kept = keptWorker<CountingService>(() => countingThread(started), 'counting');
    const before = await kept.call((s) => s.thread());
    await expect(kept.call((s) => s.crash())).rejects.toThrow('counting worker failed: out of memory');
    const after = await kept.call((s) => s.thread());
    expect(after.id).not.toBe(before.id);
    expect(after.calls).toBe(1);
    expect(started).toEqual([before.id, after.id]);
    await expect(kept.call((s) => s.crash())).rejects.toThrow('out of memory');
  });
});
