// `npm run web`: the renderer in a browser, for display walls and tests. Port from GRIDDESK_PORT (default 5180).
import { fileURLToPath } from 'node:url';
import { startWebServer } from './web-server';

const port = Number(process.env.GRIDDESK_PORT ?? 5180);
const root = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const server = await startWebServer({ root, port });
console.log(`GridDesk web: ${server.url}  (Ctrl+C to stop)`);
