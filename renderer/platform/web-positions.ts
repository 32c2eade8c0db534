/**
 * The browser's side of the position feed: the web server hosts the listener and talks over a WebSocket
 * (scripts/web-positions.ts), with the calls of the IPC contract's `positions` service. Its answers and
 * its fixes are checked with the contract's schemas, as the preload checks main's. The socket is opened
 * on first use and again after it drops (the server restarted), each call waiting for it.
 */
import type { z } from 'zod';
import type { PositionsService } from '../../shared/ipc/contract';
import type { AdmittedFix } from '../../shared/positions/admit';
import {
  fixBatchSchema,
  listenerCountsSchema,
  listenerStatusSchema,
  traccarStateSchema,
  type PositionFeedConfig,
} from '../../shared/positions/feed';
import { trackHistorySchema, type TrackHistoryQuery } from '../../shared/positions/history';

const SOCKET_PATH = '/positions';
/** A call the server does not answer within this is failed, ms. */
const CALL_TIMEOUT_MS = 15_000;
/** After the socket drops, it is opened again this much later while fixes are listened for, ms. */
const REOPEN_DELAY_MS = 3_000;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

let socket: Promise<WebSocket> | null = null;
let serial = 0;
const pending = new Map<number, Pending>();
const fixListeners = new Set<(fixes: readonly AdmittedFix[]) => void>();

function onMessage(event: MessageEvent): void {
  if (typeof event.data !== 'string') return;
  let message: unknown;
  try {
    message = JSON.parse(event.data);
  } catch {
    return;
  }
  if (typeof message !== 'object' || message === null) return;
  const m = message as { id?: unknown; result?: unknown; error?: unknown; event?: unknown; fixes?: unknown };
  if (m.event === 'fixes') {
    const fixes = fixBatchSchema.safeParse(m.fixes);
    if (!fixes.success) {
      console.error('[positions] the server sent fixes the contract refuses', fixes.error.issues[0]);
      return;
    }
    for (const listener of fixListeners) listener(fixes.data);
    return;
  }
  if (typeof m.id !== 'number') return;
  const call = pending.get(m.id);
  if (call === undefined) return;
  pending.delete(m.id);
  if (typeof m.error === 'string') call.reject(new Error(`position feed: ${m.error}`));
  else call.resolve(m.result);
}

/** The open socket, opened (again) if needed. */
function open(): Promise<WebSocket> {
  socket ??= new Promise<WebSocket>((resolve, reject) => {
    const url = new URL(SOCKET_PATH, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    ws.addEventListener('open', () => resolve(ws));
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', () => {
      socket = null;
      for (const [id, call] of pending) {
        pending.delete(id);
        call.reject(new Error('position feed: the web server closed the connection'));
      }
      reject(new Error('position feed: the web server refused the connection'));
      // Fixes are still wanted: listen again once the server may be back.
      if (fixListeners.size > 0) setTimeout(() => open().catch(() => undefined), REOPEN_DELAY_MS);
    });
  });
  return socket;
}

async function call<T>(schema: z.ZodType<T>, message: Record<string, unknown>): Promise<T> {
  const ws = await open();
  const id = (serial += 1);
  const answer = new Promise<unknown>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    setTimeout(() => {
      if (pending.delete(id)) reject(new Error('position feed: no answer from the web server'));
    }, CALL_TIMEOUT_MS);
  });
  ws.send(JSON.stringify({ ...message, id }));
  return schema.parse(await answer);
}

export const webPositions: PositionsService = {
  configure: (config: PositionFeedConfig) => call(listenerStatusSchema, { call: 'configure', config }),
  status: () => call(listenerStatusSchema, { call: 'status' }),
  traccar: () => call(traccarStateSchema, { call: 'traccar' }),
  counts: () => call(listenerCountsSchema.nullable(), { call: 'counts' }),
  history: (query: TrackHistoryQuery) => call(trackHistorySchema, { call: 'history', query }),
};

/** Listens for fixes (the socket is opened for it); returns the function that stops listening. */
export function onWebPositionFixes(listener: (fixes: readonly AdmittedFix[]) => void): () => void {
  fixListeners.add(listener);
  open().catch((error: unknown) => console.warn('[positions]', error));
  return () => fixListeners.delete(listener);
}
