// Test support: sql.js initialised in Node with its WebAssembly from node_modules/sql.js/dist, once per
// test file, for the GeoPackage reader's `sqlite` option (the app loads it with renderer/import/sqlite.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

export function loadSqlJs(): Promise<SqlJsStatic> {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
  loading ??= initSqlJs({
    wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
  });
  return loading;
}
