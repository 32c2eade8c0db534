// Test support: a Node worker thread shaped as the browser Worker a client starts (comlink's Node
// adapter carries the messages; a thread's errors are passed on as a Worker's are).
import type { Worker as NodeWorker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { JobWorker } from '../../renderer/import/worker-job';

export function threadAsWorker(thread: NodeWorker): JobWorker {
  const endpoint = nodeEndpoint(thread);
  return {
    postMessage: endpoint.postMessage.bind(endpoint),
    addEventListener(type: string, listener: (event: unknown) => void) {
      if (type === 'error') thread.on('error', (e: Error) => listener({ message: e.message }));
      else endpoint.addEventListener(type, listener as never);
    },
    removeEventListener: endpoint.removeEventListener.bind(endpoint),
    terminate: () => void thread.terminate(),
  } as unknown as JobWorker;
}
