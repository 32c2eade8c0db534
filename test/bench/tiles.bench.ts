/**
 * `npm run bench -- tiles`: the tile cache of issue 13 in real Chromium (real IndexedDB; fake-indexeddb
 * measures nothing real), on the bench build (GRIDDESK_BENCH=1, built first), through the app's own
 * tile loader (renderer/bench/tiles-probe.ts): tiles fetched from the local tile server
 * (test/tile-server.ts) through the web server's /tile-proxy and kept, against the same tiles read from
 * the cache — latency one at a time and tiles/s eight at once — and the cost of a write that takes a
 * full cache over its size cap (evicting the least recently used down to 90 %) against one that does
 * not, with the longest main-thread task, the longest gap between frames and the latency of a cached
 * tile and of a fetched one while it evicts; and the one-off upgrade of a version-2 cache to version 3.
 * Takes the e2e lock: `flock /tmp/e2e.lock npm run bench -- tiles` (GRIDDESK_TILES_FILL sets the
 * number of 20 KB tiles the cache holds at the cap, default 5000).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startWebServer } from '../../scripts/web-server';
import { launchChromium } from '../e2e/browser';
import { startTileServer } from '../tile-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/renderer-bench', import.meta.url));
const TILES = 300;

/** What renderer/bench/tiles-probe.ts returns (its TilesBenchFigures; the Node side does not import the renderer). */
interface TilesBenchFigures {
  readonly tiles: number;
  readonly tileBytes: number;
  readonly fetchMedianMs: number;
  readonly hitMedianMs: number;
  readonly fetchPerSecond: number;
  readonly hitPerSecond: number;
  readonly cachedTiles: number;
  readonly cachedBytes: number;
  readonly putMedianMs: number;
  readonly evictingPutMs: number;
  readonly evictMs: number;
  readonly evictedTiles: number;
  readonly evictLongestTaskMs: number;
  readonly evictFrameGapMs: number;
  readonly hitDuringEvictMs: number;
  readonly fetchDuringEvictMs: number;
  readonly evictRounds: number;
  readonly upgradeMs: number;
  readonly upgradeTiles: number;
  readonly upgradeBytes: number;
}

export async function benchTiles(): Promise<Record<string, number>> {
  console.log('  building the bench renderer (GRIDDESK_BENCH=1)');
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, GRIDDESK_BENCH: '1' },
    stdio: 'inherit',
  });
  const fill = Number(process.env.GRIDDESK_TILES_FILL ?? '') || 5000;
  const tileServer = await startTileServer([40, 120, 200]);
  const server = await startWebServer({ root: DIST });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    page.on('pageerror', (e) => console.error(`  [page] ${String(e)}`));
    await page.goto(server.url);
    // The first start seeds the sample: wait for it, so the bench has the machine to itself.
    await page.getByTestId('sign-in').waitFor({ timeout: 300_000 });
    await page.waitForFunction(
      () => (globalThis as { __griddeskBench?: unknown }).__griddeskBench !== undefined,
    );
    const f = await page.evaluate<TilesBenchFigures>(
      `globalThis.__griddeskBench.tilesBench(${JSON.stringify(tileServer.origin)}, ${TILES}, ${fill})`,
    );
    const served = tileServer.served.length;
    console.log(`\ntiles: ${f.tiles} tiles of ${f.tileBytes} bytes, through the tile loader, real IndexedDB`);
    console.log(
      `  one at a time: fetched (local server, /tile-proxy) and kept ${f.fetchMedianMs.toFixed(2)} ms median, read from the cache ${f.hitMedianMs.toFixed(2)} ms median (${(f.fetchMedianMs / f.hitMedianMs).toFixed(1)}× faster)`,
    );
    console.log(
      `  eight at once: fetched ${f.fetchPerSecond.toFixed(0)} tiles/s, from the cache ${f.hitPerSecond.toFixed(0)} tiles/s (${(f.hitPerSecond / f.fetchPerSecond).toFixed(1)}×)`,
    );
    console.log(
      `  at the cap: ${f.cachedTiles} tiles, ${(f.cachedBytes / 1048576).toFixed(0)} MiB; a write under the cap ${f.putMedianMs.toFixed(2)} ms median, the write over it ${f.evictingPutMs.toFixed(1)} ms (${(f.evictingPutMs / f.putMedianMs).toFixed(1)}× a write), until its eviction of ${f.evictedTiles} tiles ended ${f.evictMs.toFixed(1)} ms (${(f.evictMs / f.putMedianMs).toFixed(1)}× a write)`,
    );
    console.log(
      `  meanwhile (median of ${f.evictRounds} evictions): longest main-thread task ${f.evictLongestTaskMs.toFixed(0)} ms, longest gap between frames ${f.evictFrameGapMs.toFixed(0)} ms, asked for 10 ms in: a cached tile back in ${f.hitDuringEvictMs.toFixed(1)} ms (${(f.hitDuringEvictMs / f.hitMedianMs).toFixed(0)}× a hit), a tile fetched from the server in ${f.fetchDuringEvictMs.toFixed(1)} ms (${(f.fetchDuringEvictMs / f.fetchMedianMs).toFixed(1)}× a fetch)`,
    );
    console.log(
      `  a version-2 cache of ${f.upgradeTiles} tiles (${(f.upgradeBytes / 1048576).toFixed(0)} MiB) upgraded to version 3 on opening in ${f.upgradeMs.toFixed(0)} ms (once per PC)`,
    );
    // Each tile of the two runs fetched once; of those asked for during eviction, the cached ones never
    // (they were fetched once before) and the others once.
    const expected = f.tiles * 2 + f.evictRounds * 2;
    if (served !== expected) throw new Error(`the tile server served ${served} tiles, not ${expected}`);
    return {
      tiles: f.tiles,
      fetchMedianMs: Number(f.fetchMedianMs.toFixed(2)),
      hitMedianMs: Number(f.hitMedianMs.toFixed(2)),
      fetchPerSecond: Math.round(f.fetchPerSecond),
      hitPerSecond: Math.round(f.hitPerSecond),
      cachedTilesAtCap: f.cachedTiles,
      putMedianMs: Number(f.putMedianMs.toFixed(2)),
      evictingPutMs: Number(f.evictingPutMs.toFixed(1)),
      evictMs: Number(f.evictMs.toFixed(1)),
      evictedTiles: f.evictedTiles,
      evictLongestTaskMs: Math.round(f.evictLongestTaskMs),
      evictFrameGapMs: Math.round(f.evictFrameGapMs),
      hitDuringEvictMs: Number(f.hitDuringEvictMs.toFixed(1)),
      fetchDuringEvictMs: Number(f.fetchDuringEvictMs.toFixed(1)),
      upgradeMs: Math.round(f.upgradeMs),
    };
  } finally {
    await browser.close();
    await server.close();
    await tileServer.stop();
  }
}
