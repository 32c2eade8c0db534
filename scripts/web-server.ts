import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
// The same headers as the app:// protocol of the desktop app, so the browser build is held to the same CSP.
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../electron/app-protocol';

export interface WebServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer (dist/renderer) on loopback for a browser: the display wall on another PC
 * behind a reverse proxy, or the end-to-end tests. Static files only; paths outside the root are refused.
 */
export async function startWebServer(options: {
  root: string;
  host?: string;
  port?: number;
}): Promise<WebServer> {
  const root = resolve(options.root);
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`${join(root, 'index.html')} is missing: run "npm run build:renderer" first`);
  });
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
        if (file !== root && !file.startsWith(root + sep)) {
          res.writeHead(403).end('forbidden');
          return;
        }
        const body = await readFile(file);
        res.writeHead(200, {
          'Content-Type': mimeTypeOf(file),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        });
        res.end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    })();
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
