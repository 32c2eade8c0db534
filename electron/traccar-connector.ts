/**
 * A connection to a centre's existing Traccar server, in the host (main, the web server, later the
 * centre server: the page may reach no other host): a session opened over its REST API (`POST
 * /api/session`, the cookie it sets), its devices (`GET /api/devices`), live positions from the
 * WebSocket `/api/socket`, and a device's history from `GET /api/positions`. Positions become fixes
 * keyed by the device's unique id (shared/positions/traccar.ts), for the same admission as the phones
 * reporting here. A dropped connection is opened again after a pause (a refused login after a longer
 * one, not to lock the account); its state says what is happening.
 */
import WebSocket from 'ws';
import type { DeviceFix } from '../shared/positions/osmand';
import { traccarDevices, traccarFixes, traccarSocketMessage } from '../shared/positions/traccar';

export type TraccarState =
  | { readonly state: 'connecting' }
  | { readonly state: 'connected'; readonly devices: number }
  | {
      readonly state: 'failed';
      readonly reason: 'auth' | 'unreachable' | 'protocol';
      readonly detail: string;
    };

export interface TraccarOptions {
  /** The server's address, e.g. `http://10.8.0.7:8082`. */
  readonly url: string;
  readonly email: string;
  readonly password: string;
  readonly onFixes: (fixes: readonly DeviceFix[]) => void;
  readonly onState?: (state: TraccarState) => void;
  /** Pause before connecting again after a drop, ms; a refused login waits 12 times as long. */
  readonly retryMs?: number;
}

export interface TraccarConnector {
  state(): TraccarState;
  /** A device's positions between two times (epoch ms), by its unique id, as fixes. */
  history(uniqueId: string, from: number, to: number): Promise<DeviceFix[]>;
  close(): Promise<void>;
}

/** A request to the server that failed, and why (the connector's states name the same reasons). */
export class TraccarError extends Error {
  constructor(
    readonly reason: 'auth' | 'unreachable' | 'protocol',
    detail: string,
  ) {
    super(detail);
  }
}

/** The `name=value` pairs of a response's cookies, as a `Cookie` header. */
const cookieOf = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0] ?? '')
    .filter((c) => c.includes('='))
    .join('; ');

export function connectTraccar(options: TraccarOptions): TraccarConnector {
  const base = new URL(options.url);
  const retryMs = options.retryMs ?? 5_000;
  let state: TraccarState = { state: 'connecting' };
  let cookie = '';
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const uniqueIds = new Map<number, string>();
  const idsByUnique = new Map<string, number>();

  const setState = (next: TraccarState): void => {
    state = next;
    options.onState?.(next);
  };
  const learn = (json: unknown): void => {
    for (const d of traccarDevices(json)) {
      uniqueIds.set(d.id, d.uniqueId);
      idsByUnique.set(d.uniqueId, d.id);
    }
  };

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        ...init,
        headers: { Accept: 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...init.headers },
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new TraccarError('unreachable', error instanceof Error ? error.message : String(error));
    }
    if (response.status === 401) throw new TraccarError('auth', `${path}: 401`);
    if (!response.ok) throw new TraccarError('protocol', `${path}: HTTP ${response.status}`);
    return response;
  }

  async function json(response: Response, path: string): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw new TraccarError('protocol', `${path}: not JSON`);
    }
  }

  async function open(): Promise<void> {
    setState({ state: 'connecting' });
    cookie = '';
    const session = await request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: options.email, password: options.password }).toString(),
    });
    cookie = cookieOf(session);
    if (cookie === '') throw new TraccarError('protocol', '/api/session: no session cookie');
    learn(await json(await request('/api/devices'), '/api/devices'));
    const url = new URL('/api/socket', base);
    url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    await new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { Cookie: cookie } });
      socket = ws;
      ws.once('open', () => {
        setState({ state: 'connected', devices: uniqueIds.size });
        resolve();
      });
      ws.once('unexpected-response', (_req, res) =>
        reject(
          new TraccarError(
            res.statusCode === 401 ? 'auth' : 'protocol',
            `/api/socket: HTTP ${res.statusCode}`,
          ),
        ),
      );
      ws.once('error', (error) => reject(new TraccarError('unreachable', error.message)));
      ws.on('message', (data) => {
        const message = traccarSocketMessage(String(data));
        if (message === null) return;
        if (message.devices !== null) learn(message.devices);
        if (message.positions !== null) {
          const { fixes } = traccarFixes(message.positions, (id) => uniqueIds.get(id));
          if (fixes.length > 0) options.onFixes(fixes);
        }
      });
      ws.on('close', () => {
        if (socket === ws) socket = null;
        if (!closed && state.state === 'connected') retry({ state: 'connecting' }, retryMs);
      });
    });
  }

  function retry(next: TraccarState, ms: number): void {
    if (closed) return;
    setState(next);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  }

  async function run(): Promise<void> {
    try {
      await open();
    } catch (error) {
      socket?.terminate();
      socket = null;
      const reason = error instanceof TraccarError ? error.reason : 'protocol';
      const detail = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      retry({ state: 'failed', reason, detail }, reason === 'auth' ? retryMs * 12 : retryMs);
    }
  }

  void run();

  return {
    state: () => state,
    async history(uniqueId, from, to) {
      const id = idsByUnique.get(uniqueId);
      if (id === undefined) return [];
      const query = new URLSearchParams({
        deviceId: String(id),
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
      });
      const path = `/api/positions?${query.toString()}`;
      return traccarFixes(await json(await request(path), '/api/positions'), (d) => uniqueIds.get(d)).fixes;
    },
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      const ws = socket;
      socket = null;
      if (ws !== null && ws.readyState !== ws.CLOSED) {
        await new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.terminate();
        });
      }
    },
  };
}
