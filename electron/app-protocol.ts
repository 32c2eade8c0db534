/**
 * The logic behind the `app://griddesk` protocol, in plain Node so tests run it without Electron: which file a
 * URL names, which requests are refused, and the headers every response carries (MIME type, and the CSP and
 * other security headers of shared/security/csp.ts, the same as the web server's).
 * protocol.ts hands {@link createAppRequestHandler} to Electron's `protocol.handle`.
 */
import { readFile as readFileCallback, realpath as realpathCallback } from 'node:fs';
import { promisify } from 'node:util';
import { extname, join, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { SECURITY_HEADERS } from '../shared/security/csp';
import { LOCAL_FILES_PATH } from '../shared/tiles/local-files';
import type { LocalTileServer } from './local-tiles';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pbf': 'application/x-protobuf',
  '.mvt': 'application/vnd.mapbox-vector-tile',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown extensions are served as opaque bytes (and never sniffed). */
export function mimeTypeOf(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

// The callback forms, promisified: Electron's asar support patches these for paths inside app.asar, which is
// where dist/renderer lives in the packaged app.
const readFile = promisify(readFileCallback);
const realpath = promisify(realpathCallback);

/** Source maps stay out of reach even if a build left one beside a bundle: they hand out the source. */
export function isSourceMap(fileName: string): boolean {
  return extname(fileName).toLowerCase() === '.map';
}

/** Where an app:// URL leads: a file under the root, or the HTTP status of the refusal. */
export type AppPathResolution =
  | { readonly ok: true; readonly file: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

const FORBIDDEN_IN_SEGMENT = /[/\\\0:]/;

/**
 * The segments of a URL path as written (`/a/b%20c` → `['a', 'b c']`), percent-decoded, refusing a
 * malformed escape (400) and `.`/`..` or a segment that decodes to a separator, NUL or colon (403). Empty
 * segments are kept (a trailing slash gives a last `''`); the caller decides what they mean. Shared by the
 * app:// protocol and the web server, so both read a path alike.
 */
export function decodePathSegments(
  rawPath: string,
):
  | { readonly ok: true; readonly segments: readonly string[] }
  | { readonly ok: false; readonly status: 400 | 403; readonly reason: string } {
  const segments: string[] = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment)) {
      return { ok: false, status: 403, reason: `forbidden path segment "${raw}"` };
    }
    segments.push(segment);
  }
  return { ok: true, segments };
}

/**
 * Maps an `app://griddesk/…` URL to a file under `root` (the built renderer, dist/renderer).
 *
 * Refused: other schemes or hosts (404), ports or credentials (403), any `.` or `..` segment whether literal
 * or percent-encoded (`%2e%2e`), and segments that decode to a separator, a drive colon or NUL (403),
 * malformed percent-encoding (400). The raw URL text is inspected, not only the WHATWG-normalised path,
 * because normalisation would silently turn `/../x` into `/x`. `/` and directory paths serve `index.html`.
 */
export function resolveAppPath(url: string, root: string): AppPathResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) {
    return { ok: false, status: 404, reason: `unknown host ${parsed.protocol}//${parsed.host}` };
  }
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return { ok: false, status: 403, reason: 'port or credentials in URL' };
  }
  // The path as written: everything after "app://host" up to the query or fragment.
  const [hostAndPath = ''] = url.slice(url.indexOf('//') + 2).split(/[?#]/, 1);
  const slash = hostAndPath.indexOf('/');
  const rawPath = slash < 0 ? '/' : hostAndPath.slice(slash);
  const decoded = decodePathSegments(rawPath);
  if (!decoded.ok) return decoded;
  const segments = [...decoded.segments];
  if (segments.length === 0 || segments[segments.length - 1] === '') {
    segments[Math.max(segments.length - 1, 0)] = 'index.html';
  }
  if (segments.some((s) => s === '')) return { ok: false, status: 404, reason: 'empty path segment' };
  const base = resolve(root);
  const file = resolve(join(base, ...segments));
  if (!file.startsWith(base + sep)) return { ok: false, status: 403, reason: 'outside the app root' };
  return { ok: true, file };
}

/** Headers every response carries, whatever its status. */
function baseHeaders(contentType: string): Headers {
  return new Headers({ 'Content-Type': contentType, ...SECURITY_HEADERS });
}

function refusal(status: number, reason: string): Response {
  return new Response(reason, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

export interface AppRequestHandlerOptions {
  /** The folder served as app://griddesk/ (dist/renderer). */
  readonly root: string;
  /** Told about every refused request (path traversal attempts deserve a log line). */
  readonly onRefused?: (url: string, status: number, reason: string) => void;
  /** Answers `app://griddesk/basemap-files/…`: the local basemap files the leader picked (local-tiles.ts). */
  readonly localFiles?: LocalTileServer;
}

/** The path of an app:// URL as written (before WHATWG normalisation), or null for another origin. */
function rawAppPath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;
  const [hostAndPath = ''] = url.slice(url.indexOf('//') + 2).split(/[?#]/, 1);
  const slash = hostAndPath.indexOf('/');
  return slash < 0 ? '/' : hostAndPath.slice(slash);
}

/**
 * A fetch-style handler for `protocol.handle('app', …)`: GET and HEAD of files under the root, with the
 * MIME type of the file and the CSP header; anything else is refused with a plain-text status.
 * Symbolic links that lead out of the root are refused too.
 */
export function createAppRequestHandler(
  options: AppRequestHandlerOptions,
): (request: Request) => Promise<Response> {
  const refuse = (url: string, status: number, reason: string): Response => {
    options.onRefused?.(url, status, reason);
    return refusal(status, reason);
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(request.url, 405, `method ${request.method} not allowed`);
    }
    const raw = rawAppPath(request.url);
    if (options.localFiles !== undefined && raw?.startsWith(LOCAL_FILES_PATH)) {
      const answer = await options.localFiles.answer(
        request.method,
        raw.slice(LOCAL_FILES_PATH.length),
        request.headers.get('range'),
      );
      if (answer.status >= 400) options.onRefused?.(request.url, answer.status, 'basemap file');
      const headers = baseHeaders(answer.headers['Content-Type'] ?? 'application/octet-stream');
      for (const [name, value] of Object.entries(answer.headers)) headers.set(name, value);
      const body = answer.status === 204 || answer.status === 304 ? null : answer.body;
      return new Response(body === null ? null : new Uint8Array(body), { status: answer.status, headers });
    }
    const resolved = resolveAppPath(request.url, options.root);
    if (!resolved.ok) return refuse(request.url, resolved.status, resolved.reason);
    if (isSourceMap(resolved.file)) return refuse(request.url, 404, 'source maps are not served');
    let body: Buffer;
    try {
      const [realRoot, real] = await Promise.all([realpath(options.root), realpath(resolved.file)]);
      if (!real.startsWith(realRoot + sep)) return refuse(request.url, 403, 'link outside the app root');
      body = await readFile(real);
    } catch {
      return refuse(request.url, 404, 'not found');
    }
    const headers = baseHeaders(mimeTypeOf(resolved.file));
    headers.set('Content-Length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
