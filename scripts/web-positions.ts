/**
 * The position feed in browser mode (`npm run web`): the web server hosts the same listener main does
 * (electron/position-host.ts) and speaks to its pages over a WebSocket at {@link POSITIONS_SOCKET_PATH},
 * so a browser wall and the end-to-end tests see phones' fixes too. The page's calls mirror the IPC
 * contract's `positions` service and are checked with its schemas:
 *
 *   page → server  { id, call: 'configure', config } | { id, call: 'history', query }
 *                  | { id, call: 'status' | 'traccar' | 'counts' }
 *   server → page  { id, result } | { id, error }, and { event: 'fixes', fixes } to every page
 *
 * Only pages of this server's own origin may connect (the browser sends `Origin` on a WebSocket).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { positionFeedConfigSchema, type ListenerStatus, type TraccarStatus } from '../shared/positions/feed';
import { trackHistoryQuerySchema, type TrackHistory } from '../shared/positions/history';
import { createPositionHost, type PositionHost } from '../electron/position-host';
import { startPositionListener, type ListenerCounts } from '../electron/position-listener';
import { connectTraccar } from '../electron/traccar-connector';

export const POSITIONS_SOCKET_PATH = '/positions';
/** A page's message larger than this is refused (10,000 bindings fit well within it). */
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

const callSchema = z.discriminatedUnion('call', [
  z.strictObject({ id: z.number().int(), call: z.literal('configure'), config: positionFeedConfigSchema }),
  z.strictObject({ id: z.number().int(), call: z.literal('status') }),
  z.strictObject({ id: z.number().int(), call: z.literal('counts') }),
  z.strictObject({ id: z.number().int(), call: z.literal('traccar') }),
  z.strictObject({ id: z.number().int(), call: z.literal('history'), query: trackHistoryQuerySchema }),
]);

export interface WebPositions {
  readonly host: PositionHost;
  close(): Promise<void>;
}

/** Serves the position feed's socket on `server` (its `upgrade` requests for the socket's path). */
export function attachPositionFeed(server: Server): WebPositions {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const host = createPositionHost({
    start: startPositionListener,
    connectTraccar,
    deliver: (fixes) => {
      const text = JSON.stringify({ event: 'fixes', fixes });
      for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
    },
  });

  async function answer(socket: WebSocket, data: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      socket.send(JSON.stringify({ id: null, error: 'not JSON' }));
      return;
    }
    const parsed = callSchema.safeParse(json);
    if (!parsed.success) {
      const id = typeof json === 'object' && json !== null && 'id' in json ? json.id : null;
      socket.send(JSON.stringify({ id, error: parsed.error.issues.map((i) => i.message).join('; ') }));
      return;
    }
    const call = parsed.data;
    let result: ListenerStatus | TraccarStatus | ListenerCounts | TrackHistory | null;
    if (call.call === 'configure') result = await host.configure(call.config);
    else if (call.call === 'history') result = await host.history(call.query);
    else if (call.call === 'status') result = host.status();
    else if (call.call === 'traccar') result = host.traccar();
    else result = host.counts();
    socket.send(JSON.stringify({ id: call.id, result }));
  }

  sockets.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      answer(socket, String(data)).catch((error: unknown) =>
        socket.send(
          JSON.stringify({ id: null, error: error instanceof Error ? error.message : String(error) }),
        ),
      );
    });
  });

  server.on('upgrade', (req: IncomingMessage, stream: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const origin = req.headers.origin ?? '';
    const ours = origin === `http://${req.headers.host ?? ''}`;
    if (path !== POSITIONS_SOCKET_PATH || !ours) {
      stream.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, stream, head, (socket) => sockets.emit('connection', socket, req));
  });

  return {
    host,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await host.close();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
