/**
 * sql.js for the GeoPackage reader (shared/import/geo/gpkg.ts, whose `sqlite` option takes the module):
 * the Emscripten glue from the package's browser build and its WebAssembly as a file of the build
 * (Vite's `?url`), fetched from our own origin, which `connect-src 'self'` allows; compiling it needs
 * `'wasm-unsafe-eval'` in `script-src` (shared/security/csp.ts). Loaded once per worker or page, on the
 * first GeoPackage, so no other import pays for the 0.7 MB.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

let loading: Promise<SqlJsStatic> | undefined;

/** The initialised sql.js module; the first call fetches and compiles the WebAssembly. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({ locateFile: () => wasmUrl }).catch((error: unknown) => {
    // A failed load (a missing file, a refused compile) is retried on the next GeoPackage.
    loading = undefined;
    throw error;
  });
  return loading;
}
