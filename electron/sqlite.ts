/**
 * sql.js for the main process (MBTiles basemaps, electron/local-tiles.ts): the glue is bundled into
 * main by the build, and its WebAssembly is the one the renderer build already ships
 * (dist/renderer/assets/sql-wasm-<hash>.wasm), read from disk, so the app carries it once.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

/** sql.js, compiled once from the first `sql-wasm*.wasm` in `assetsDir`. */
export function loadSqlJsFrom(assetsDir: string): Promise<SqlJsStatic> {
  loading ??= (async () => {
    const name = (await readdir(assetsDir)).find((f) => /^sql-wasm.*\.wasm$/.test(f));
    if (name === undefined) throw new Error(`no sql-wasm*.wasm in ${assetsDir}`);
    const wasm = await readFile(join(assetsDir, name));
    return initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
