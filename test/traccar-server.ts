/**
 * A Traccar server on 127.0.0.1 for tests, speaking the parts of Traccar's API GridDesk uses as Traccar
 * 6 does: `POST /api/session` (form `email`, `password`; 401, or the user and a `JSESSIONID` cookie),
 * `GET /api/devices` and `GET /api/positions?deviceId&from&to` (401 without the cookie), and the
 * WebSocket `/api/socket` (refused without the cookie) that sends `{devices}` and the latest
 * `{positions}` on connect, then what the test pushes, and `{}` as a keep-alive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const TRACCAR_USER = { email: 'centre@example.cn', password: 'traccar2026' };

export interface FakeTraccarPosition {
  readonly id: number;
  readonly deviceId: number;
  readonly latitude: number;
  readonly longitude: number;
  /** ISO 8601. */
  readonly fixTime: string;
  /** Knots. */
  readonly speed: number;
  readonly course: number;
  readonly altitude?: number;
  readonly accuracy?: number;
  readonly valid?: boolean;
  readonly attributes?: Record<string, unknown>;
}

export interface FakeTraccar {
  readonly url: string;
  /** Sends positions to every open socket, as Traccar does when devices report. */
  push(positions: readonly FakeTraccarPosition[]): void;
  /** Drops every socket (a server restart, a network cut). */
  dropSockets(): void;
  /** Logins seen so far, and sockets opened. */
  readonly seen: { logins: number; sockets: number };
  close(): Promise<void>;
}

const SESSION = 'JSESSIONID=node0fake1234567890.node0';

export async function startFakeTraccar(
  devices: readonly { id: number; name: string; uniqueId: string }[],
  history: readonly FakeTraccarPosition[],
): Promise<FakeTraccar> {
  const seen = { logins: 0, sockets: 0 };
  const authorised = (req: IncomingMessage): boolean =>
    (req.headers.cookie ?? '').includes(SESSION.split(';')[0]!);
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://traccar');
    if (req.method === 'POST' && url.pathname === '/api/session') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        if (form.get('email') !== TRACCAR_USER.email || form.get('password') !== TRACCAR_USER.password) {
          json(res, 401, { message: 'Unauthorized' });
          return;
        }
        seen.logins += 1;
        json(
          res,
          200,
          { id: 1, name: 'centre', email: TRACCAR_USER.email },
          { 'Set-Cookie': `${SESSION}; Path=/` },
        );
      });
      return;
    }
    if (!authorised(req)) {
      json(res, 401, { message: 'Unauthorized' });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/devices') {
      json(res, 200, devices);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/positions') {
      const deviceId = Number(url.searchParams.get('deviceId'));
      const from = Date.parse(url.searchParams.get('from') ?? '');
      const to = Date.parse(url.searchParams.get('to') ?? '');
      if (!Number.isFinite(from) || !Number.isFinite(to)) {
        json(res, 400, { message: 'from and to required' });
        return;
      }
      json(
        res,
        200,
        history.filter(
          (p) => p.deviceId === deviceId && Date.parse(p.fixTime) >= from && Date.parse(p.fixTime) <= to,
        ),
      );
      return;
    }
    json(res, 404, { message: 'not found' });
  });
  const sockets = new WebSocketServer({ noServer: true });
  const open = new Set<WebSocket>();
  server.on('upgrade', (req, stream, head) => {
    if (new URL(req.url ?? '/', 'http://traccar').pathname !== '/api/socket' || !authorised(req)) {
      stream.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, stream, head, (ws) => {
      seen.sockets += 1;
      open.add(ws);
      ws.on('close', () => open.delete(ws));
      ws.send(JSON.stringify({ devices }));
      const latest = [...devices].flatMap((d) => {
        const mine = history.filter((p) => p.deviceId === d.id);
        return mine.length > 0 ? [mine[mine.length - 1]!] : [];
      });
      if (latest.length > 0) ws.send(JSON.stringify({ positions: latest }));
      ws.send('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    push(positions) {
      const text = JSON.stringify({ positions });
      for (const ws of open) ws.send(text);
    },
    dropSockets() {
      for (const ws of open) ws.terminate();
    },
    async close() {
      for (const ws of open) ws.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
