/**
 * The position listener: an HTTP server speaking the OsmAnd protocol that Traccar Client phones report
 * to (shared/positions/osmand.ts), port 5055 by default as Traccar's. A plain Node module, no Electron:
 * the main process hosts it for a standalone workstation, the web server for a browser, and the centre
 * server will. Each request is read within a size limit, decoded, and every fix in it admitted or
 * declined (shared/positions/admit.ts) against the device bindings it is given; admitted fixes go to
 * `onFixes`, everything is counted. It answers as Traccar does: 200 for a request it read (a declined
 * fix too, such as one from the future: a phone told 4xx keeps resending it), 400 for a malformed
 * request, an unknown device or a wrong token; and 405, 413 (body over the limit) and 429 (a device or
 * address sending faster than a phone does). No input makes it throw.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createAdmitter,
  type Admitter,
  type AdmitLimits,
  type AdmittedFix,
  type DeviceBinding,
  type FixCounts,
} from '../shared/positions/admit';
import { decodeOsmAndRequest } from '../shared/positions/osmand';

export const DEFAULT_LISTENER_PORT = 5055;
/** A request body larger than this is refused unread (a phone's JSON with a buffered list is far less). */
export const MAX_BODY_BYTES = 256 * 1024;
/** Requests one remote address may make per second (a whole office of phones behind one NAT included). */
export const MAX_REQUESTS_PER_SECOND = 200;

export interface PositionListenerOptions {
  /** Address to listen on: '0.0.0.0' for phones on the network, '127.0.0.1' for this PC only. */
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port?: number;
  /** The devices bound to officers, by device id; may be replaced later with setBindings. */
  readonly bindings?: ReadonlyMap<string, DeviceBinding>;
  /** Admitted fixes, in request order, once per request that had any. */
  readonly onFixes: (fixes: readonly AdmittedFix[]) => void;
  readonly limits?: AdmitLimits;
  /** Admission shared with the host's other sources (position-host.ts); by default its own. */
  readonly admitter?: Admitter;
  readonly now?: () => number;
}

export interface PositionListener {
  /** The port it listens on. */
  readonly port: number;
  setBindings(bindings: ReadonlyMap<string, DeviceBinding>): void;
  /** What it has seen since it started, with the refusals the protocol layer makes. */
  counts(): ListenerCounts;
  close(): Promise<void>;
}

export interface ListenerCounts extends FixCounts {
  /** Requests refused before reading: oversized bodies, bursts, other methods. */
  readonly refused: { readonly oversized: number; readonly burst: number; readonly method: number };
}

/** Counts requests per key per whole second, forgetting the past second's. */
class RateWindow {
  private second = -1;
  private readonly seen = new Map<string, number>();
  /** Whether one more request from `key` at `now` stays within `limit` per second. */
  allow(key: string, now: number, limit: number): boolean {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.seen.clear();
    }
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n <= limit;
  }
}

/** Reads a body up to `limit` bytes; null when it is longer (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, text = ''): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Starts listening; resolves once the port is bound (rejects if it cannot be, e.g. it is taken). */
export async function startPositionListener(options: PositionListenerOptions): Promise<PositionListener> {
  const now = options.now ?? Date.now;
  const admitter = options.admitter ?? createAdmitter(options.limits);
  if (options.bindings !== undefined) admitter.setBindings(options.bindings);
  const refused = { oversized: 0, burst: 0, method: 0 };
  const rate = new RateWindow();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? '';
    if (method !== 'GET' && method !== 'POST') {
      refused.method += 1;
      req.resume();
      reply(res, 405);
      return;
    }
    if (!rate.allow(req.socket.remoteAddress ?? '', now(), MAX_REQUESTS_PER_SECOND)) {
      refused.burst += 1;
      req.resume();
      reply(res, 429);
      return;
    }
    const body = method === 'POST' ? await readBody(req, MAX_BODY_BYTES) : '';
    if (body === null) {
      refused.oversized += 1;
      reply(res, 413);
      return;
    }
    const decoded = decodeOsmAndRequest({
      method,
      url: req.url ?? '/',
      contentType: req.headers['content-type'] ?? '',
      body,
    });
    if (!decoded.ok) {
      admitter.countMalformed(decoded.problem.key);
      reply(res, 400, `${decoded.problem.key} ${decoded.problem.field}`);
      return;
    }
    const { admitted, unknown } = admitter.admit(decoded.fixes, decoded.token, now());
    if (admitted.length > 0) options.onFixes(admitted);
    reply(res, unknown && admitted.length === 0 ? 400 : 200);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A body that failed mid-read, or a listener callback that threw: the request fails, not the server.
      if (!res.headersSent) reply(res, 500);
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  // A phone on a bad network leaves half-sent requests: they are cut rather than held.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_LISTENER_PORT, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    setBindings: (next) => admitter.setBindings(next),
    counts: () => ({ ...admitter.counts(), refused: { ...refused } }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
