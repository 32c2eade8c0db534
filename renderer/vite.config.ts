import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import vue from '@vitejs/plugin-vue';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * The renderer is one Vite app rooted at renderer/. The embedded sample under resources/ is its public
 * folder, so the built app (dist/renderer) carries the sample township and runs offline in Electron
 * (app://griddesk) and in a browser (npm run web) alike. Relative base so both origins work.
 */
export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: here('../resources'),
  plugins: [vue()],
  define: {
    __APP_VERSION__: JSON.stringify(JSON.parse(readFileSync(here('../package.json'), 'utf8')).version),
  },
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
  worker: { format: 'es' },
});
