import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve, sep } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
// The same MIME types and headers as the app:// protocol of the desktop app, so the browser build is held to the
// same CSP (shared/security/csp.ts) and refuses what the desktop app refuses.
import { decodePathSegments, isSourceMap, mimeTypeOf } from '../electron/app-protocol';
import { SECURITY_HEADERS } from '../shared/security/csp';
import { attachPositionFeed } from './web-positions';
import { TileUnreachableError, fetchTile, tileUrlRefusal } from '../shared/tiles/fetch-tile';
import { LOCAL_FILES_PATH, localFormatOf, type LocalBasemapFile } from '../shared/tiles/local-files';
import { createLocalTileServer, type LocalTileFile, type LocalTileServer } from '../electron/local-tiles';

export interface WebServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The methods the server answers; anything else gets 405 with this list in `Allow`. */
export const ALLOWED_METHODS = ['GET', 'HEAD'] as const;

/**
 * The app's own routes, all served by index.html whatever their query (`/?view=wall` opens the display wall).
 * The renderer routes by query string, never by path, so every other path must name a file of the build.
 */
export const APP_ROUTES: ReadonlySet<string> = new Set(['/', '/index.html']);

/** Where a request path leads: a file under the root, or the status of the refusal and why. */
export type WebPathResolution =
  | { readonly ok: true; readonly file: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

/**
 * Maps the path of a request target (as sent, before any normalisation) to a file under `root`.
 * The app routes give index.html; `.`/`..` segments, literal or percent-encoded, and segments that decode to a
 * separator, a drive colon or NUL are refused (403); malformed percent-encoding is 400; a source map is 404.
 */
export function resolveWebPath(target: string, root: string): WebPathResolution {
  const [rawPath = '/'] = target.split(/[?#]/, 1);
  if (!rawPath.startsWith('/'))
    return { ok: false, status: 400, reason: 'not an origin-form request target' };
  if (APP_ROUTES.has(rawPath)) return { ok: true, file: join(resolve(root), 'index.html') };
  const decoded = decodePathSegments(rawPath);
  if (!decoded.ok) return decoded;
  const { segments } = decoded;
  if (segments.some((segment) => segment === ''))
    return { ok: false, status: 404, reason: 'no such file (empty segment or directory)' };
  const base = resolve(root);
  const file = resolve(join(base, ...segments));
  if (!file.startsWith(base + sep)) return { ok: false, status: 403, reason: 'outside the root' };
  if (isSourceMap(file)) return { ok: false, status: 404, reason: 'source maps are not served' };
  return { ok: true, file };
}

function send(
  res: ServerResponse,
  method: string,
  status: number,
  contentType: string,
  body: Uint8Array | string,
  extra: Readonly<Record<string, string>> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(bytes.byteLength),
    ...SECURITY_HEADERS,
    ...extra,
  });
  res.end(method === 'HEAD' ? undefined : bytes);
}

/** The path at which the page asks the server for a provider's tile (shared/tiles/fetch-tile.ts). */
export const TILE_PROXY_PATH = '/tile-proxy';
/** What the proxy says in `X-Tile-Upstream`: the provider answered (its status is the response's), or not. */
export const TILE_UPSTREAM_HEADER = 'X-Tile-Upstream';

/** Types a tile is passed on as; anything else goes as bytes, so no provider's page runs on our origin. */
const TILE_TYPES =
  /^(image\/(png|jpeg|webp|avif|gif)|application\/(x-protobuf|vnd\.mapbox-vector-tile|octet-stream))\b/i;

/** A tile for the page, fetched here (shared/tiles/fetch-tile.ts says why the host fetches tiles). */
async function proxyTile(res: ServerResponse, method: string, target: string): Promise<void> {
  const text = 'text/plain; charset=utf-8';
  const url = new URL(target, 'http://localhost').searchParams.get('url') ?? '';
  const refusal = tileUrlRefusal(url);
  if (refusal !== null) {
    send(res, method, 400, text, `tile URL refused: ${refusal}`);
    return;
  }
  try {
    const tile = await fetchTile(url);
    const type = TILE_TYPES.test(tile.contentType) ? tile.contentType : 'application/octet-stream';
    send(res, method, tile.status, type, tile.bytes, { [TILE_UPSTREAM_HEADER]: 'answered' });
  } catch (error) {
    const unreachable = error instanceof TileUnreachableError;
    send(res, method, unreachable ? 502 : 400, text, error instanceof Error ? error.message : String(error), {
      [TILE_UPSTREAM_HEADER]: unreachable ? 'unreachable' : 'refused',
    });
  }
}

let sqlJs: Promise<SqlJsStatic> | undefined;
/** sql.js in Node, its WebAssembly from node_modules (the web server runs from the repository). */
function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= (async () => {
    const wasm = await readFile(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'));
    return initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
  })();
  return sqlJs;
}

/**
 * The basemap files of a folder (`--basemap-dir`), offered by file name: only `.pmtiles`/`.mbtiles`
 * files directly in it, and only where their real path stays in it (no link leads out).
 */
async function folderOfBasemaps(dir: string): Promise<LocalTileServer> {
  const realDir = await realpath(dir);
  const resolveFile = async (id: string): Promise<LocalTileFile | null> => {
    const format = localFormatOf(id);
    if (format === null) return null;
    try {
      const real = await realpath(join(realDir, id));
      if (!real.startsWith(realDir + sep) || !(await stat(real)).isFile()) return null;
      return { path: real, format, name: id };
    } catch {
      return null;
    }
  };
  return createLocalTileServer({
    resolve: resolveFile,
    list: async () => {
      const files: LocalBasemapFile[] = [];
      for (const name of (await readdir(realDir)).sort()) {
        const file = await resolveFile(name);
        if (file !== null)
          files.push({ id: name, name, format: file.format, bytes: (await stat(file.path)).size });
      }
      return files;
    },
    sqlite: loadSqlJs,
  });
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  realRoot: string,
  basemaps: LocalTileServer | null,
): Promise<void> {
  const method = req.method ?? 'GET';
  const text = 'text/plain; charset=utf-8';
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    send(res, method, 405, text, `method ${method} not allowed`, { Allow: ALLOWED_METHODS.join(', ') });
    return;
  }
  if ((req.url ?? '/').split('?', 1)[0] === TILE_PROXY_PATH) {
    await proxyTile(res, method, req.url ?? '/');
    return;
  }
  const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  if (path.startsWith(LOCAL_FILES_PATH)) {
    if (basemaps === null) {
      send(res, method, 404, text, 'this server offers no basemap files (start it with --basemap-dir)');
      return;
    }
    const range = req.headers.range ?? null;
    const local = await basemaps.answer(method, path.slice(LOCAL_FILES_PATH.length), range);
    res.writeHead(local.status, { ...SECURITY_HEADERS, ...local.headers });
    res.end(method === 'HEAD' || local.body === null ? undefined : local.body);
    return;
  }
  const resolved = resolveWebPath(req.url ?? '/', root);
  if (!resolved.ok) {
    send(res, method, resolved.status, text, resolved.reason);
    return;
  }
  let body: Buffer;
  try {
    const real = await realpath(resolved.file);
    if (!real.startsWith(realRoot + sep)) {
      send(res, method, 403, text, 'link outside the root');
      return;
    }
    if (!(await stat(real)).isFile()) throw new Error('not a file');
    body = await readFile(real);
  } catch {
    send(res, method, 404, text, 'not found');
    return;
  }
  send(res, method, 200, mimeTypeOf(resolved.file), body);
}

/**
 * Serves the built renderer (dist/renderer) on loopback for a browser: the display wall on another PC
 * behind a reverse proxy, or the end-to-end tests. Static files (GET and HEAD only), the tile proxy, and the
 * position feed's WebSocket (web-positions.ts); the app routes
 * ({@link APP_ROUTES}) give index.html, any other path must be a file of the build (404 otherwise); paths and
 * symbolic links that lead outside the root are refused (403); source maps are never served. Every answer,
 * refusals included, carries the security headers of shared/security/csp.ts.
 */
export async function startWebServer(options: {
  root: string;
  host?: string;
  port?: number;
  /** A folder whose PMTiles/MBTiles files are offered as basemaps at `/basemap-files/<name>`. */
  basemapDir?: string;
}): Promise<WebServer> {
  const root = resolve(options.root);
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`${join(root, 'index.html')} is missing: run "npm run build:renderer" first`);
  });
  const realRoot = await realpath(root);
  const basemaps = options.basemapDir === undefined ? null : await folderOfBasemaps(options.basemapDir);
  const server: Server = createServer((req, res) => {
    answer(req, res, root, realRoot, basemaps).catch(() => {
      if (!res.headersSent) send(res, req.method ?? 'GET', 500, 'text/plain; charset=utf-8', 'server error');
      else res.destroy();
    });
  });
  // Phones' fixes for the pages (web-positions.ts); the listener starts only when a page enables it.
  const positions = attachPositionFeed(server);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    close: async () => {
      await positions.close();
      await new Promise<void>((done) => {
        basemaps?.close();
        server.close(() => done());
        server.closeIdleConnections();
      });
    },
  };
}
