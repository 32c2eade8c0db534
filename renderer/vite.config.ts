import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import vue from '@vitejs/plugin-vue';
import { contentSecurityPolicyPlugin } from '../scripts/vite-csp';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * The renderer is one Vite app rooted at renderer/. The embedded sample under resources/ is its public
 * folder, so the built app (dist/renderer) carries the sample township and runs offline in Electron
 * (app://griddesk) and in a browser (npm run web) alike. Relative base so both origins work.
 * index.html gets its CSP from shared/security/csp.ts (contentSecurityPolicyPlugin). No source maps in the
 * build, which ships inside the app and is served by `npm run web`: GRIDDESK_SOURCEMAP=1 makes them for a
 * local debugging build (the app:// protocol and the web server still refuse to serve *.map files).
 */
const bench = process.env.GRIDDESK_BENCH === '1';

/**
 * The digest of the embedded sample's files (resources/sample): a spare sample kept from an earlier
 * run is switched to only if made from the same files (renderer/db/sample-spare.ts).
 */
function sampleDigest(): string {
  const hash = createHash('sha256');
  for (const name of ['township.json', 'cases.json'])
    hash.update(readFileSync(here(`../resources/sample/${name}`)));
  return hash.digest('hex').slice(0, 16);
}

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: here('../resources'),
  plugins: [vue(), contentSecurityPolicyPlugin()],
  define: {
    __APP_VERSION__: JSON.stringify(JSON.parse(readFileSync(here('../package.json'), 'utf8')).version),
    // GRIDDESK_BENCH=1: the scale benchmark's build (dist/renderer-bench) with its probe; false in every
    // other build, so the probe's module is left out of what ships.
    __GRIDDESK_BENCH__: JSON.stringify(bench),
    __SAMPLE_DIGEST__: JSON.stringify(sampleDigest()),
  },
  build: {
    outDir: here(bench ? '../dist/renderer-bench' : '../dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    sourcemap: process.env.GRIDDESK_SOURCEMAP === '1',
    // The bench build also has the positions benchmark's bare MapLibre page (bench/bare-map.html).
    ...(bench
      ? { rollupOptions: { input: { index: here('index.html'), bare: here('bench/bare-map.html') } } }
      : {}),
  },
  worker: { format: 'es' },
});
