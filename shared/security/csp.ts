/**
 * The one Content-Security-Policy of GridDesk. The Electron `app://` protocol and the web server send it as a
 * header; the renderer build writes it into index.html as a `<meta>` (renderer/vite.config.ts), minus the
 * directives a `<meta>` cannot carry. Change it here and every copy follows.
 *
 * Reasons, directive by directive:
 * - `script-src 'self' 'wasm-unsafe-eval'`: only our bundled scripts; no eval, no inline script.
 *   `'wasm-unsafe-eval'` lets WebAssembly compile (sql.js, for GeoPackage import: renderer/import/sqlite.ts)
 *   and nothing else: JavaScript `eval`/`new Function` stay refused. The .wasm itself is a file of ours.
 * - `worker-src 'self' blob:`: MapLibre's worker is a file of ours (setWorkerUrl), but MapLibre falls back
 *   to a blob: worker when no worker URL is set, so blob: stays allowed for workers only.
 * - `img-src 'self' data: blob:`: MapLibre decodes sprites and icons through blob: and data: URLs.
 * - `style-src 'self' 'unsafe-inline'`: Element Plus and MapLibre set inline styles on elements.
 * - `font-src 'self' data:`: the bundled CJK webfont and icon fonts inlined by the bundler as data: URLs.
 * - `connect-src 'self' app: data: blob:`: fetch of our own files (the sample township); `app:` because a
 *   custom scheme is matched by scheme as well; MapLibre fetches data:/blob: URLs for images it has decoded.
 *   No http(s): a basemap's tiles are fetched by the host (main's `tiles:fetch`, the web server's
 *   `/tile-proxy`; shared/tiles/fetch-tile.ts) and handed to the page, so no provider's host is listed here.
 * - `object-src 'none'; base-uri 'none'; form-action 'none'`: no plugins, no base rewriting, no form posts.
 * - `frame-ancestors 'none'`: never framed (header only: a `<meta>` policy ignores it, with a console error).
 */
export const CSP_DIRECTIVES: readonly (readonly [name: string, sources: readonly string[]])[] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['worker-src', ["'self'", 'blob:']],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'", 'app:', 'data:', 'blob:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/** Directives that only take effect in a header; browsers ignore them in a `<meta>` element. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const serialise = (directives: typeof CSP_DIRECTIVES): string =>
  directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

/** The policy as a `Content-Security-Policy` header value: every directive. */
export const CONTENT_SECURITY_POLICY = serialise(CSP_DIRECTIVES);

/** The same policy for index.html's `<meta http-equiv="Content-Security-Policy">`: no header-only directives. */
export const META_CONTENT_SECURITY_POLICY = serialise(
  CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)),
);

/**
 * The headers every response of ours carries besides its type, from the app:// protocol and the web server alike:
 * the CSP; no MIME sniffing; no Referer sent anywhere (a case URL or query never leaks); a window of ours shares
 * no browsing context group with a page it opened or that opened it (COOP); and no caching of a build that may be
 * replaced under the same names.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};
