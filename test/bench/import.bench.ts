/**
 * `npm run bench -- import`: the geographic import of issue 12 on a generated 100 MiB Shapefile
 * (≈ 200,000 polygons, GBK, CGCS2000 3° Gauss–Krüger zone 39; import-geo-file.ts writes it once into
 * the temp folder) against GDAL in the same run. Baseline: `ogr2ogr -f GeoJSON -t_srs EPSG:4326`
 * from the zip (`/vsizip/`): the same work of reading the zip, the table and the shapes and bringing
 * the coordinates to lon/lat (without our geometry checks); its wall time and peak RSS (`/usr/bin/time`).
 * Ours, in real Chromium on the bench build (GRIDDESK_BENCH=1, built first): the file picked into an
 * `<input type=file>` and read by geo-import/client.ts's `readInWorker` (size check, read, unzip,
 * parse, convert, check in the worker; the summary on the UI thread), then every feature fetched in
 * pages as the commit will. Figures: wall times, the longest main-thread task during each (a
 * PerformanceObserver 'longtask' in the page), and peak memory: the RSS of Chromium's renderer process,
 * which holds the page and its worker (sampled from /proc every 100 ms), the page's JS heap (CDP
 * Performance.getMetrics) and the worker's (CDP Runtime.getHeapUsage sent to the worker's target),
 * same samples (`measureUserAgentSpecificMemory` needs a cross-origin-isolated page). Ratio = ours / ogr2ogr.
 * Goal: ≤ 3×, no main-thread task over 100 ms. Takes the e2e lock: `flock /tmp/e2e.lock npm run bench -- import`.
 *
 * Then a centre set up from its files (set-up-file.ts: ≈ 200,000 grids, and the e2e set-up's teams and
 * officers sheets) through the wizard's store in a new centre (renderer/bench/bench-probe.ts
 * setUpCentre): the grids read, built and checked, and written into the centre's database, each in the
 * grids file's worker; wall time and the longest main-thread task of each step. Goal: no main-thread
 * task over 100 ms. `npm run bench -- set-up` runs this part alone (GRIDDESK_SETUP_GRIDS sets the
 * number of grids, 200,000 by default). Last, the workstation opened on the new centre as the wizard
 * does after its commit (session.ts openSetUpCentre): from the commit's end until the map has its data
 * and MapLibre reports idle, then with the view moved onto the first grid at zoom 15 (50 m grids are
 * drawn from zoom 14) until idle again, each with its longest main-thread task and the grids drawn;
 * `SETUP_PROFILE=open` builds unminified and writes the CPU profile of both to the temp folder
 * (griddesk-set-up-open.cpuprofile).
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';
import { startWebServer } from '../../scripts/web-server';
import { launchChromium } from '../e2e/browser';
import { writeBenchShapefile, type BenchShapefile } from './import-geo-file';
import { writeSetUpFiles, type SetUpFiles } from './set-up-file';
import { CHENGHU_CENTRE, openNewCentre } from '../e2e/driver';
import { LONG_TASKS, listed, longest, tasksIn } from './long-tasks';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/renderer-bench', import.meta.url));
const MB = 1024 * 1024;

/** What the probe's geoImport answers (renderer/bench/bench-probe.ts, GeoImportFigures). */
interface GeoImportFigures {
  readonly read: { readonly start: number; readonly end: number };
  readonly fetch: { readonly start: number; readonly end: number };
  readonly workerMs: number;
  readonly featureCount: number;
  readonly fetched: number;
  readonly problemCount: number;
  readonly problemsByKey: Readonly<Record<string, number>>;
  readonly crs: string;
  readonly encoding: string;
  readonly sample: readonly string[];
  readonly extent: readonly number[] | null;
  readonly firstPosition: readonly number[] | null;
  readonly phases: Readonly<Record<string, number>>;
  readonly reports: number;
}

interface OgrFigures {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly firstPosition: readonly number[] | null;
}

/** ogr2ogr to GeoJSON in lon/lat, timed; its peak RSS from GNU time's %M (KiB). */
async function runOgr2ogr(file: BenchShapefile): Promise<OgrFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'griddesk-bench-ogr-'));
  const out = join(dir, 'out.geojson');
  try {
    const start = performance.now();
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        '/usr/bin/time',
        ['-f', 'peak-kb %M', 'ogr2ogr', '-f', 'GeoJSON', '-t_srs', 'EPSG:4326', out, `/vsizip/${file.path}`],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let text = '';
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`ogr2ogr: ${code} ${text}`)),
      );
    });
    const ms = performance.now() - start;
    const peakKb = Number(/peak-kb (\d+)/.exec(stderr)?.[1] ?? NaN);
    // The first position of the first feature, from the head of the output.
    const handle = await open(out);
    const head = Buffer.alloc(4096);
    await handle.read(head, 0, head.length, 0);
    await handle.close();
    const match = /"coordinates": \[ \[ \[ ([-\d.]+), ([-\d.]+) \]/.exec(head.toString('utf8'));
    return {
      ms,
      peakRssMb: peakKb / 1024,
      firstPosition: match === null ? null : [Number(match[1]), Number(match[2])],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Descendant process ids of this process whose command line says they are a Chromium renderer. */
function rendererPids(): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p))
      if (p === process.pid) return true;
    return false;
  };
  return [...parents.keys()].filter((pid) => {
    if (!mine(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}

interface MemoryPeaks {
  readonly rendererMb: number;
  readonly pageHeapMb: number;
  /** The worker's V8 heap (CDP Runtime.getHeapUsage through the browser's target session). */
  readonly workerHeapMb: number;
}

/**
 * Samples, every 100 ms until stopped, the renderer's RSS, the page's JS heap and, once its worker
 * appears (a target whose URL names geo-import), the worker's heap, which the worker answers even
 * while it is busy; keeps the peaks.
 */
function sampleMemory(page: CDPSession, browser: CDPSession): { stop(): Promise<MemoryPeaks> } {
  let rendererMb = 0;
  let pageHeapMb = 0;
  let workerHeapMb = 0;
  let running = true;
  let session: string | null = null;
  let asked = 0;
  browser.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const reply = JSON.parse(event.message) as { result?: { usedSize?: number } };
    const used = reply.result?.usedSize;
    if (typeof used === 'number') workerHeapMb = Math.max(workerHeapMb, used / MB);
  });
  const loop = (async () => {
    while (running) {
      rendererMb = Math.max(rendererMb, ...rendererPids().map(rssMb), 0);
      try {
        const { metrics } = (await page.send('Performance.getMetrics')) as {
          metrics: { name: string; value: number }[];
        };
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        pageHeapMb = Math.max(pageHeapMb, used / MB);
        if (session === null) {
          const { targetInfos } = (await browser.send('Target.getTargets')) as {
            targetInfos: { targetId: string; type: string; url: string }[];
          };
          const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('geo-import'));
          if (worker !== undefined) {
            const attached = (await browser.send('Target.attachToTarget', {
              targetId: worker.targetId,
              flatten: false,
            })) as { sessionId: string };
            session = attached.sessionId;
          }
        }
        if (session !== null) {
          await browser.send('Target.sendMessageToTarget', {
            sessionId: session,
            message: JSON.stringify({ id: ++asked, method: 'Runtime.getHeapUsage' }),
          });
        }
      } catch {
        // the page or the worker is closing
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { rendererMb, pageHeapMb, workerHeapMb };
    },
  };
}

async function runInChromium(file: BenchShapefile): Promise<
  GeoImportFigures & {
    readTasks: [number, number][];
    fetchTasks: [number, number][];
    rendererMb: number;
    pageHeapMb: number;
    workerHeapMb: number;
    rendererBeforeMb: number;
  }
> {
  const server = await startWebServer({ root: DIST });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    await context.addInitScript(LONG_TASKS);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`  [page] ${String(e)}`));
    await page.goto(server.url);
    // The first start seeds the sample: wait for it, so the import has the machine to itself.
    await page.getByTestId('sign-in').waitFor({ timeout: 300_000 });
    await page.waitForFunction(
      () => (globalThis as { __griddeskBench?: unknown }).__griddeskBench !== undefined,
    );
    // Page code as strings: this file is type-checked without the DOM.
    await page.evaluate(
      `(() => { const input = document.createElement('input'); input.type = 'file'; input.id = 'bench-geo-file'; document.body.append(input); })()`,
    );
    await page.setInputFiles('#bench-geo-file', file.path);
    // A quiet page first: until 3 s pass without a long task (the app's own start-up work done).
    const quietStart = Date.now();
    for (;;) {
      const now = await page.evaluate<number>('performance.now()');
      const recent = await tasksIn(page, { start: now - 3000, end: now });
      if (recent.length === 0 || Date.now() - quietStart > 60_000) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const rendererBeforeMb = Math.max(0, ...rendererPids().map(rssMb));
    const memory = sampleMemory(cdp, await browser.newBrowserCDPSession());
    const figures = await page.evaluate<GeoImportFigures>(
      `globalThis.__griddeskBench.geoImport(document.getElementById('bench-geo-file').files[0])`,
    );
    const { rendererMb, pageHeapMb, workerHeapMb } = await memory.stop();
    return {
      ...figures,
      readTasks: await tasksIn(page, figures.read),
      fetchTasks: await tasksIn(page, figures.fetch),
      rendererMb,
      pageHeapMb,
      workerHeapMb,
      rendererBeforeMb,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** What the probe's setUpCentre answers (renderer/bench/bench-probe.ts, SetUpFigures). */
interface SetUpFigures {
  readonly read: { readonly start: number; readonly end: number };
  readonly check: { readonly start: number; readonly end: number };
  readonly commit: { readonly start: number; readonly end: number };
  readonly grids: number;
  readonly problems: number;
  readonly errors: readonly string[];
  readonly writeReports: number;
  readonly stored: number;
}

type Span = { readonly start: number; readonly end: number };

/** What the probe's openCentre answers (renderer/bench/bench-probe.ts, OpenFigures). */
interface OpenFigures {
  readonly open: Span;
  readonly closer: Span;
  readonly grids: number;
  readonly rendered: number;
  readonly zoom: number;
}

async function runSetUpInChromium(files: SetUpFiles): Promise<
  SetUpFigures & {
    readTasks: [number, number][];
    checkTasks: [number, number][];
    commitTasks: [number, number][];
    stored: number;
    opened: OpenFigures;
    openTasks: [number, number][];
    closerTasks: [number, number][];
  }
> {
  const server = await startWebServer({ root: DIST });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    await context.addInitScript(LONG_TASKS);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`  [page] ${String(e)}`));
    await page.goto(server.url);
    await page.getByTestId('sign-in').waitFor({ timeout: 300_000 });
    await openNewCentre(page, CHENGHU_CENTRE);
    await page.waitForFunction(
      () => (globalThis as { __griddeskBench?: unknown }).__griddeskBench !== undefined,
    );
    for (const id of ['grids', 'teams', 'officers'])
      await page.evaluate(
        `(() => { const input = document.createElement('input'); input.type = 'file'; input.id = 'bench-${id}'; document.body.append(input); })()`,
      );
    await page.setInputFiles('#bench-grids', files.grids);
    await page.setInputFiles('#bench-teams', files.teams);
    await page.setInputFiles('#bench-officers', files.officers);
    const quietStart = Date.now();
    for (;;) {
      const now = await page.evaluate<number>('performance.now()');
      const recent = await tasksIn(page, { start: now - 3000, end: now });
      if (recent.length === 0 || Date.now() - quietStart > 60_000) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const file = (id: string): string => `document.getElementById('bench-${id}').files[0]`;
    const figures = await page.evaluate<SetUpFigures>(
      `globalThis.__griddeskBench.setUpCentre(${file('grids')}, ${file('teams')}, ${file('officers')})`,
    );
    // Then the workstation opened on it, as the wizard does; SETUP_PROFILE=open records its CPU profile.
    const cdp = process.env.SETUP_PROFILE === 'open' ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const opened = await page.evaluate<OpenFigures>(`globalThis.__griddeskBench.openCentre()`);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      const out = join(tmpdir(), 'griddesk-set-up-open.cpuprofile');
      writeFileSync(out, JSON.stringify(profile));
      console.log(`  CPU profile of the open step: ${out}`);
    }
    return {
      ...figures,
      readTasks: await tasksIn(page, figures.read),
      checkTasks: await tasksIn(page, figures.check),
      commitTasks: await tasksIn(page, figures.commit),
      opened,
      openTasks: await tasksIn(page, opened.open),
      closerTasks: await tasksIn(page, opened.closer),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

function buildBenchRenderer(): void {
  console.log('  building the bench renderer (GRIDDESK_BENCH=1)');
  const args = ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'];
  if (process.env.SETUP_PROFILE) args.push('--minify', 'false');
  execFileSync('npx', args, {
    cwd: ROOT,
    env: { ...process.env, GRIDDESK_BENCH: '1' },
    stdio: 'inherit',
  });
}

/** The set-up part (see the file's comment); the renderer must be built for the bench already. */
async function setUpPart(): Promise<Record<string, number>> {
  const files = await writeSetUpFiles(Number(process.env.GRIDDESK_SETUP_GRIDS ?? '') || undefined);
  console.log(
    `\nset-up: ${files.count} grids, Shapefile zip ${(files.gridsBytes / MB).toFixed(1)} MiB (${files.grids}), teams.xlsx, officers.xlsx`,
  );
  const ours = await runSetUpInChromium(files);
  if (ours.errors.length > 0) throw new Error(`set-up refused: ${ours.errors.slice(0, 5).join('; ')}`);
  if (ours.grids !== files.count || ours.stored !== files.count)
    throw new Error(`set up ${ours.grids} grids, stored ${ours.stored}, file has ${files.count}`);
  const ms = (span: Span): number => span.end - span.start;
  const step = (label: string, span: Span, tasks: [number, number][]): void =>
    console.log(
      `  ${label.padEnd(50)} ${(ms(span) / 1000).toFixed(1).padStart(6)} s  longest main-thread task ${longest(tasks).toFixed(0)} ms`,
    );
  step('grids file read in its worker', ours.read, ours.readTasks);
  step('built and checked there (report to the UI thread)', ours.check, ours.checkTasks);
  step('written there into the centre (commit)', ours.commit, ours.commitTasks);
  step('the centre opened: stores loaded, township drawn', ours.opened.open, ours.openTasks);
  step('  then onto the first grid at zoom 15, drawn', ours.opened.closer, ours.closerTasks);
  console.log(
    `  ${ours.problems} problems in the report (none an error); ${ours.writeReports} write progress reports`,
  );
  console.log(`  main-thread long tasks during the check: ${listed(ours.checkTasks)}`);
  console.log(`  main-thread long tasks during the commit: ${listed(ours.commitTasks)}`);
  console.log(
    `  opened with ${ours.opened.grids} grids at zoom ${ours.opened.zoom.toFixed(1)}; main-thread long tasks: ${listed(ours.openTasks)}`,
  );
  console.log(
    `  ${ours.opened.rendered} grids drawn in the closer view; main-thread long tasks: ${listed(ours.closerTasks)}`,
  );
  if (ours.opened.grids !== files.count || ours.opened.rendered === 0)
    throw new Error(`opened ${ours.opened.grids} grids, ${ours.opened.rendered} drawn`);
  const worst = Math.max(
    longest(ours.readTasks),
    longest(ours.checkTasks),
    longest(ours.commitTasks),
    longest(ours.openTasks),
    longest(ours.closerTasks),
  );
  console.log(`  longest main-thread task of the set-up ${worst.toFixed(0)} ms (goal ≤ 100)`);
  return {
    setUpGrids: files.count,
    setUpReadMs: Math.round(ms(ours.read)),
    setUpCheckMs: Math.round(ms(ours.check)),
    setUpCommitMs: Math.round(ms(ours.commit)),
    setUpReadLongestTaskMs: Math.round(longest(ours.readTasks)),
    setUpCheckLongestTaskMs: Math.round(longest(ours.checkTasks)),
    setUpCommitLongestTaskMs: Math.round(longest(ours.commitTasks)),
    setUpOpenMs: Math.round(ms(ours.opened.open)),
    setUpOpenLongestTaskMs: Math.round(longest(ours.openTasks)),
    setUpOpenLongTasksOver100Ms: ours.openTasks.filter((t) => t[1] > 100).length,
    setUpCloserMs: Math.round(ms(ours.opened.closer)),
    setUpCloserLongestTaskMs: Math.round(longest(ours.closerTasks)),
    setUpCloserGridsDrawn: ours.opened.rendered,
  };
}

/** `npm run bench -- set-up`: the set-up part alone. */
export async function benchSetUp(): Promise<Record<string, number>> {
  buildBenchRenderer();
  return setUpPart();
}

export async function benchImport(): Promise<Record<string, number>> {
  const file = await writeBenchShapefile();
  console.log(
    `\nimport: ${file.polygons} polygons, Shapefile ${(file.shapefileBytes / MB).toFixed(1)} MiB, ` +
      `zip ${(file.bytes / MB).toFixed(1)} MiB (${file.path})`,
  );
  const ogr = await runOgr2ogr(file);
  buildBenchRenderer();
  const ours = await runInChromium(file);
  if (ours.featureCount !== file.polygons || ours.fetched !== file.polygons) {
    throw new Error(`read ${ours.featureCount} features, fetched ${ours.fetched}, file has ${file.polygons}`);
  }
  const bowTies = ours.problemsByKey['geoImport.geometry.selfIntersects'] ?? 0;
  if (bowTies !== file.bowTies) throw new Error(`named ${bowTies} bow-ties, file has ${file.bowTies}`);
  const offsetM =
    ours.firstPosition !== null && ogr.firstPosition !== null
      ? Math.hypot(
          (ours.firstPosition[0]! - ogr.firstPosition[0]!) *
            111_320 *
            Math.cos((ogr.firstPosition[1]! * Math.PI) / 180),
          (ours.firstPosition[1]! - ogr.firstPosition[1]!) * 110_540,
        )
      : NaN;
  const readMs = ours.read.end - ours.read.start;
  const readTaskMs = longest(ours.readTasks);
  const fetchTaskMs = longest(ours.fetchTasks);
  const fetchMs = ours.fetch.end - ours.fetch.start;
  const line = (label: string, ms: number, extra: string): void =>
    console.log(
      `  ${label.padEnd(50)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${(ms / ogr.ms).toFixed(2)}× baseline  ${extra}`,
    );
  line('ogr2ogr -f GeoJSON -t_srs EPSG:4326 (baseline)', ogr.ms, `peak RSS ${ogr.peakRssMb.toFixed(0)} MB`);
  line(
    'readInWorker → summary on the UI thread',
    readMs,
    `worker ${(ours.workerMs / 1000).toFixed(1)} s, longest main-thread task ${readTaskMs.toFixed(0)} ms`,
  );
  line(
    '  then all features to the UI thread (commit)',
    fetchMs,
    `longest main-thread task ${fetchTaskMs.toFixed(0)} ms`,
  );
  console.log(
    `  peak memory: renderer process (page + worker) ${ours.rendererMb.toFixed(0)} MB RSS (${ours.rendererBeforeMb.toFixed(0)} MB before), ` +
      `page JS heap ${ours.pageHeapMb.toFixed(0)} MB, worker JS heap ${ours.workerHeapMb.toFixed(0)} MB; ogr2ogr ${ogr.peakRssMb.toFixed(0)} MB`,
  );
  console.log(
    `  read: ${ours.crs}, ${ours.encoding} [${ours.sample.slice(0, 3).join('、')}], ${ours.problemCount} problems ` +
      `(${bowTies} bow-ties named), first position ${offsetM.toFixed(3)} m from ogr2ogr's; ` +
      `phases at ${Object.entries(ours.phases)
        .map(([p, t]) => `${p} ${t} ms`)
        .join(', ')}; ${ours.reports} progress reports`,
  );
  console.log(`  main-thread long tasks during the read: ${listed(ours.readTasks)}`);
  console.log(`  main-thread long tasks while fetching: ${listed(ours.fetchTasks)}`);
  console.log(
    `  ratio ours / ogr2ogr ${(readMs / ogr.ms).toFixed(2)} (goal ≤ 3); longest main-thread task during the import ` +
      `${readTaskMs.toFixed(0)} ms (goal ≤ 100), while fetching every feature ${fetchTaskMs.toFixed(0)} ms`,
  );
  const setUp = await setUpPart();
  return {
    ...setUp,
    polygons: file.polygons,
    shapefileMb: Number((file.shapefileBytes / MB).toFixed(1)),
    zipMb: Number((file.bytes / MB).toFixed(1)),
    ogr2ogrMs: Math.round(ogr.ms),
    ogr2ogrPeakRssMb: Math.round(ogr.peakRssMb),
    readMs: Math.round(readMs),
    workerMs: Math.round(ours.workerMs),
    fetchAllMs: Math.round(fetchMs),
    ratio: Number((readMs / ogr.ms).toFixed(2)),
    readLongestTaskMs: Math.round(readTaskMs),
    fetchLongestTaskMs: Math.round(fetchTaskMs),
    rendererPeakRssMb: Math.round(ours.rendererMb),
    pageHeapPeakMb: Math.round(ours.pageHeapMb),
    workerHeapPeakMb: Math.round(ours.workerHeapMb),
    problems: ours.problemCount,
    firstPositionOffsetM: Number(offsetM.toFixed(3)),
  };
}
