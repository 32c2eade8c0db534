// `npm run web`: the renderer in a browser, for display walls and tests. Port from GRIDDESK_PORT (default 5180);
// local PMTiles/MBTiles basemaps from `--basemap-dir <folder>` or GRIDDESK_BASEMAP_DIR (`npm run web -- --basemap-dir D:\tiles`).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWebServer } from './web-server';

const { values } = parseArgs({ options: { 'basemap-dir': { type: 'string' } }, strict: true });
const basemapDir = values['basemap-dir'] ?? process.env.GRIDDESK_BASEMAP_DIR;
const port = Number(process.env.GRIDDESK_PORT ?? 5180);
const root = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const server = await startWebServer({ root, port, ...(basemapDir ? { basemapDir } : {}) });
console.log(`GridDesk web: ${server.url}  (Ctrl+C to stop)`);
if (basemapDir) console.log(`Basemap files from ${basemapDir}`);
