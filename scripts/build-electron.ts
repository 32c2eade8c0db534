/**
 * Builds the main process and the preload into dist-electron/ with Vite's build API (an SSR build, i.e. for
 * Node): CommonJS, target node20, 'electron' and Node built-ins left as requires, everything else (zod, shared/)
 * bundled. The preload becomes one self-contained file: it runs sandboxed, where `require` knows only
 * 'electron' and a few polyfilled modules. Run with `npm run build:electron`.
 */
import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const outDir = here('../dist-electron');
const external = ['electron', /^electron\//, /^node:/, ...builtinModules];

/** Builds one entry to dist-electron/<name>.cjs. */
async function buildEntry(entry: string, fileName: string, emptyOutDir: boolean): Promise<void> {
  await build({
    configFile: false,
    root: here('..'),
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir,
      target: 'node20',
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external,
        output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false },
      },
    },
  });
}

/** The preload may require nothing but 'electron': fail the build if the bundle says otherwise. */
async function checkPreloadRequires(file: string): Promise<void> {
  const code = await readFile(file, 'utf8');
  const required = [...code.matchAll(/\brequire\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]);
  const foreign = required.filter((name) => name !== 'electron');
  if (foreign.length > 0)
    throw new Error(
      `${file} requires ${foreign.join(', ')}: the sandboxed preload may only require 'electron'`,
    );
}

await buildEntry(here('../electron/main.ts'), 'main.cjs', true);
await buildEntry(here('../electron/preload.ts'), 'preload.cjs', false);
await checkPreloadRequires(here('../dist-electron/preload.cjs'));
console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
