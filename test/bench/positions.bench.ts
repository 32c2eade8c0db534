/**
 * `npm run bench -- positions`: 2,000 phones reporting every second through the real listener, into
 * the real app in headless Chromium at 1920×1080, in real time (the fix's timestamp is when the phone
 * sent it, which is what the latency is timed from, so the run cannot go faster than the clock):
 * `GRIDDESK_POSITIONS_MINUTES` minutes recorded (10 by default) after half a minute of warm-up.
 *
 * The app is the bench build (GRIDDESK_BENCH=1, built first) served by the web server, which hosts the
 * listener and relays admitted fixes to its pages over `/positions` as in `npm run web`. The sample's
 * roster is grown to 2,000 officers (its own 30 first, then generated ones spread over its teams) by
 * answering the sample's township file with it, so the app seeds it as it seeds the sample; a shift
 * leader binds `bench-1`…`bench-2000` to them through the 终端定位 write (renderer/bench/positions-probe.ts,
 * which also stops the sample's simulated walks: they would move the same officers), then the operator
 * on duty signs in and watches the whole township. The phones (positions-phones.ts, a process of their
 * own) walk or drive inside the township and POST the OsmAnd query as Traccar Client does.
 *
 * Figures: fixes the listener accepted per second; latency from the phone's request to the officers'
 * live map source holding the fix (p50/p99; goal p99 ≤ 1 s); the map's frame time (from a frame's start
 * to the end of the map's render, and the interval between frames) against a bare MapLibre page
 * (renderer/bench/bare-map.ts) in the same run that draws the same style and view and only calls
 * `setData` with the same relayed positions (goal ≤ 1.2×; it runs for `GRIDDESK_POSITIONS_BARE_SECONDS`,
 * 120 by default, after the app's window, with the same phones reporting); track points stored in the
 * app's IndexedDB per second; the page's JS heap after a forced GC at the start and the end of the window
 * (flat under the retention policy), sampled every 30 s in between. Takes the e2e lock:
 * `CHROMIUM_PATH=/usr/bin/chromium flock /tmp/e2e.lock npm run bench -- positions`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { startWebServer } from '../../scripts/web-server';
import { launchChromium } from '../e2e/browser';
import { inputOf, mapIdle, SAMPLE_LOGINS } from '../e2e/driver';
import { freePort } from '../free-port';
import type { PhonesStart, PhonesTally } from './positions-phones';
import { coresText, coresUsed, cpuByKind } from './process-cpu';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/renderer-bench', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../resources/sample/township.json', import.meta.url));
const PHONES = fileURLToPath(new URL('./positions-phones.ts', import.meta.url));
const DEVICES = 2_000;
const WARM_UP_SECONDS = 30;
const HEAP_SAMPLE_SECONDS = 30;

interface Summary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}
interface Frames {
  readonly render: Summary;
  readonly interval: Summary;
  readonly seconds: number;
}
/** renderer/bench/positions-probe.ts PositionsFigures (the Node side does not import the renderer). */
interface PositionsFigures {
  readonly latency: Summary;
  readonly arrival: Summary;
  readonly frames: Frames;
  readonly admitted: number;
  readonly trackPoints: number;
  readonly officersShown: number;
}
interface MapView {
  readonly style: { sources: Record<string, unknown> };
  readonly center: [number, number];
  readonly zoom: number;
  readonly width: number;
  readonly height: number;
}
interface BareFigures {
  readonly latency: Summary;
  readonly frames: Frames;
  readonly batches: number;
}

type Township = {
  township: { boundary: { type: 'Polygon'; coordinates: number[][][] } };
  teams: { id: string }[];
  officers: Record<string, unknown>[];
  grids: { geometry: { type: string; coordinates: unknown } }[];
} & Record<string, unknown>;

/**
 * The sample's township with its roster grown to `count` officers: its own first, then generated ones
 * (team by team in turn, on patrol, every third auxiliary) without a position until their phone reports.
 */
function growRoster(township: Township, count: number): Township {
  const officers = [...township.officers];
  for (let n = officers.length + 1; n <= count; n += 1) {
    const certified = n % 3 !== 0;
    const no = String(n).padStart(4, '0');
    officers.push({
      id: `officer-${no}`,
      name: `队员${no}`,
      teamId: township.teams[n % township.teams.length]!.id,
      phone: `139${String(10_000_000 + n).padStart(8, '0')}`,
      status: n % 5 === 0 ? 'available' : 'patrolling',
      ...(certified ? { kind: 'certified', certificateNo: `苏321281118${no}` } : { kind: 'auxiliary' }),
    });
  }
  return { ...township, officers };
}

/** Where each phone starts: the middle of a grid's box, grid after grid; and the township's box. */
function phoneStarts(township: Township, count: number): PhonesStart['devices'] {
  const boxes = township.grids.map((g) => {
    const ring = (
      g.geometry.type === 'Polygon'
        ? (g.geometry.coordinates as number[][][])[0]
        : (g.geometry.coordinates as number[][][][])[0]![0]
    )!;
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2] as const;
  });
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i + 1}`,
    start: boxes[(i * 7) % boxes.length]!,
  }));
}

function townshipBox(township: Township): [number, number, number, number] {
  const ring = township.township.boundary.coordinates[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

async function signIn(page: Page, role: keyof typeof SAMPLE_LOGINS): Promise<void> {
  await page.getByTestId('sign-in').waitFor({ timeout: 600_000 });
  await inputOf(page, 'sign-in-username').fill(SAMPLE_LOGINS[role].username);
  await inputOf(page, 'sign-in-password').fill(SAMPLE_LOGINS[role].password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('signed-in-account').waitFor({ timeout: 600_000 });
}

/** The page's JS heap in MB, after a forced garbage collection when `collect`. */
async function heapMb(cdp: CDPSession, collect: boolean): Promise<number> {
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1_048_576;
}

/** Starts the phones' process; `stop()` ends their reports and gives what they saw. */
async function startPhones(start: PhonesStart): Promise<{ stop(): Promise<PhonesTally> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', PHONES], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const message = <T>(key: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const on = (m: Record<string, unknown>): void => {
        if (!(key in m)) return;
        child.off('message', on);
        resolve(m[key] as T);
      };
      child.on('message', on);
      child.once('exit', (code) => reject(new Error(`the phones' process ended (${code}) before "${key}"`)));
    });
  const started = message<true>('started');
  child.send({ start });
  await started;
  return {
    async stop() {
      const tally = message<PhonesTally>('tally');
      child.send({ stop: true });
      return tally;
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const f1 = (n: number): string => n.toFixed(1);
const f0 = (n: number): string => n.toFixed(0);

export async function benchPositions(): Promise<Record<string, number>> {
  const minutes = Number(process.env.GRIDDESK_POSITIONS_MINUTES ?? '') || 10;
  const bareSeconds = Number(process.env.GRIDDESK_POSITIONS_BARE_SECONDS ?? '') || 120;
  console.log('\npositions: building the bench renderer (GRIDDESK_BENCH=1)');
  const profile = process.env.GRIDDESK_POSITIONS_PROFILE === '1';
  const build = ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'];
  execFileSync('npx', [...build, ...(profile ? ['--minify', 'false'] : [])], {
    cwd: ROOT,
    env: { ...process.env, GRIDDESK_BENCH: '1' },
    stdio: 'inherit',
  });
  const township = growRoster(JSON.parse(readFileSync(SAMPLE, 'utf8')) as Township, DEVICES);
  const server = await startWebServer({ root: DIST });
  const browser = await launchChromium();
  let phones: { stop(): Promise<PhonesTally> } | null = null;
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const body = JSON.stringify(township);
    await context.route('**/sample/township.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`  [page] ${String(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`  [page console] ${m.text()}`);
    });
    const seedStart = performance.now();
    await page.goto(server.url);
    await page.getByTestId('sign-in').waitFor({ timeout: 900_000 });
    console.log(
      `  the sample with ${township.officers.length} officers seeded in ${f0(performance.now() - seedStart)} ms`,
    );
    // The shift leader binds the phones (the write checks the role); the operator on duty watches.
    await signIn(page, 'leader');
    await page.waitForFunction(
      () => (globalThis as { __griddeskBench?: unknown }).__griddeskBench !== undefined,
    );
    const port = await freePort();
    const setUp = await page.evaluate(
      ([p, n]) =>
        (
          globalThis as unknown as {
            __griddeskBench: {
              positionsSetUp(port: number, count: number): Promise<{ bound: number; status: string }>;
            };
          }
        ).__griddeskBench.positionsSetUp(p, n),
      [port, DEVICES] as const,
    );
    console.log(`  ${setUp.bound} phones bound; listener ${setUp.status}`);
    await page.getByTestId('sign-out').click();
    await signIn(page, 'operator');
    await mapIdle(page);

    phones = await startPhones({
      port,
      devices: phoneStarts(township, DEVICES),
      box: townshipBox(township),
      seed: 20_261_114,
    });
    const probe = <T>(call: string): Promise<T> => page.evaluate<T>(`globalThis.__griddeskBench.${call}`);
    console.log(`  ${DEVICES} phones reporting every second; warming up ${WARM_UP_SECONDS} s`);
    await sleep(WARM_UP_SECONDS * 1000);

    const cdp = await context.newCDPSession(page);
    const heapStart = await heapMb(cdp, true);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const loadStart = loadavg()[0]!;
    const cpuStart = cpuByKind();
    const before = await probe<{ trackPoints: number; admitted: number }>('positionsCounts()');
    await probe('positionsRecord()');
    const recordStart = performance.now();
    const heapSamples: number[] = [];
    const windowMs = minutes * 60_000;
    while (performance.now() - recordStart < windowMs) {
      await sleep(Math.min(HEAP_SAMPLE_SECONDS * 1000, windowMs - (performance.now() - recordStart)));
      heapSamples.push(await heapMb(cdp, false));
      const elapsed = (performance.now() - recordStart) / 1000;
      console.log(`  ${f0(elapsed)} s: heap ${f1(heapSamples.at(-1)!)} MB`);
    }
    const app = await probe<PositionsFigures>('positionsStop()');
    const seconds = (performance.now() - recordStart) / 1000;
    const loadEnd = loadavg()[0]!;
    const appCores = coresUsed(cpuStart, cpuByKind(), seconds);
    if (profile) {
      const { profile: cpu } = await cdp.send('Profiler.stop');
      const file = join(tmpdir(), 'griddesk-positions.cpuprofile');
      writeFileSync(file, JSON.stringify(cpu));
      console.log(`  the app page's CPU profile of the window: ${file}`);
    }
    const heapEnd = await heapMb(cdp, true);
    const view = await probe<MapView>('positionsMapView()');
    await cdp.detach();
    await page.close();

    // The bare page: the same style, canvas and view, the same phones' fixes relayed by the same server.
    const bare = await context.newPage();
    bare.on('pageerror', (e) => console.error(`  [bare page] ${String(e)}`));
    await bare.goto(new URL('bench/bare-map.html', server.url).href);
    await bare.waitForFunction(() => (globalThis as { __bareMap?: unknown }).__bareMap !== undefined);
    await bare.evaluate(
      (v) =>
        (globalThis as unknown as { __bareMap: { start(view: unknown): Promise<void> } }).__bareMap.start(v),
      view,
    );
    await sleep(10_000);
    await bare.evaluate(() =>
      (globalThis as unknown as { __bareMap: { record(): void } }).__bareMap.record(),
    );
    const bareCpuStart = cpuByKind();
    const bareStart = performance.now();
    await sleep(bareSeconds * 1000);
    const bareCores = coresUsed(bareCpuStart, cpuByKind(), (performance.now() - bareStart) / 1000);
    const baseline = await bare.evaluate(() =>
      (globalThis as unknown as { __bareMap: { stop(): BareFigures } }).__bareMap.stop(),
    );
    await bare.close();
    const tally = await phones.stop();
    phones = null;

    const accepted = (app.admitted - before.admitted) / seconds;
    const stored = (app.trackPoints - before.trackPoints) / seconds;
    const renderRatio = app.frames.render.mean / baseline.frames.render.mean;
    const intervalRatio = app.frames.interval.mean / baseline.frames.interval.mean;
    const fps = (f: Frames): number => f.render.count / f.seconds;
    console.log(
      `\npositions: ${DEVICES} phones, every second, ${f0(seconds)} s recorded in real time (after ${WARM_UP_SECONDS} s warm-up); ` +
        `the bare page ${f0(baseline.frames.seconds)} s`,
    );
    console.log(
      `  machine load (1-min average, 2 cores, shared): ${loadStart.toFixed(1)} at the start of the window, ${loadEnd.toFixed(1)} at its end, ${loadavg()[0]!.toFixed(1)} after the bare page`,
    );
    console.log(
      `  phones: ${tally.sent} reports in ${f0(tally.seconds)} s, answers ${JSON.stringify(tally.byStatus)}, ${tally.errors} errors; ` +
        `answer mean ${f1(tally.answerMeanMs)} ms, max ${f0(tally.answerMaxMs)} ms; sender late at most ${f0(tally.lateMaxMs)} ms`,
    );
    console.log(`  accepted by the listener: ${f0(accepted)} fixes/s`);
    console.log(`  cores used, app window: ${coresText(appCores)}`);
    console.log(`  cores used, bare page:  ${coresText(bareCores)}`);
    console.log(
      `  latency, request → officers' live map source: p50 ${f0(app.latency.p50)} ms, p99 ${f0(app.latency.p99)} ms ` +
        `(goal ≤ 1000), max ${f0(app.latency.max)} ms, ${app.latency.count} fixes timed; ` +
        `bare page (setData): p50 ${f0(baseline.latency.p50)} ms, p99 ${f0(baseline.latency.p99)} ms`,
    );
    console.log(
      `  of which request → the page (listener, the host's 100 ms batches, the socket): p50 ${f0(app.arrival.p50)} ms, p99 ${f0(app.arrival.p99)} ms`,
    );
    console.log(
      `  map frame (frame start → render end): app mean ${f1(app.frames.render.mean)} ms, p99 ${f1(app.frames.render.p99)} ms, ` +
        `${f1(fps(app.frames))} frames/s; bare mean ${f1(baseline.frames.render.mean)} ms, p99 ${f1(baseline.frames.render.p99)} ms, ` +
        `${f1(fps(baseline.frames))} frames/s: ${renderRatio.toFixed(2)}× (goal ≤ 1.2)`,
    );
    console.log(
      `  frame interval: app mean ${f1(app.frames.interval.mean)} ms, p99 ${f1(app.frames.interval.p99)} ms; ` +
        `bare mean ${f1(baseline.frames.interval.mean)} ms, p99 ${f1(baseline.frames.interval.p99)} ms: ${intervalRatio.toFixed(2)}×`,
    );
    console.log(`  IndexedDB: ${f0(stored)} track points/s stored (${app.trackPoints} held at the end)`);
    console.log(
      `  JS heap after GC: ${f1(heapStart)} MB at the start, ${f1(heapEnd)} MB at the end (${f1(heapEnd - heapStart)} MB); ` +
        `between ${f1(Math.min(...heapSamples))} and ${f1(Math.max(...heapSamples))} MB without GC`,
    );
    console.log(`  officers drawn in view at the end: ${app.officersShown}`);
    return {
      devices: DEVICES,
      seconds: Math.round(seconds),
      acceptedPerSecond: Math.round(accepted),
      latencyP50Ms: Math.round(app.latency.p50),
      latencyP99Ms: Math.round(app.latency.p99),
      latencyMaxMs: Math.round(app.latency.max),
      arrivalP50Ms: Math.round(app.arrival.p50),
      arrivalP99Ms: Math.round(app.arrival.p99),
      fixesTimed: app.latency.count,
      bareLatencyP50Ms: Math.round(baseline.latency.p50),
      bareLatencyP99Ms: Math.round(baseline.latency.p99),
      frameMs: Number(app.frames.render.mean.toFixed(2)),
      frameP99Ms: Number(app.frames.render.p99.toFixed(1)),
      bareFrameMs: Number(baseline.frames.render.mean.toFixed(2)),
      bareFrameP99Ms: Number(baseline.frames.render.p99.toFixed(1)),
      frameRatio: Number(renderRatio.toFixed(2)),
      framesPerSecond: Number(fps(app.frames).toFixed(1)),
      bareFramesPerSecond: Number(fps(baseline.frames).toFixed(1)),
      intervalMs: Number(app.frames.interval.mean.toFixed(2)),
      intervalP99Ms: Number(app.frames.interval.p99.toFixed(1)),
      bareIntervalMs: Number(baseline.frames.interval.mean.toFixed(2)),
      intervalRatio: Number(intervalRatio.toFixed(2)),
      trackPointsPerSecond: Math.round(stored),
      heapStartMb: Number(heapStart.toFixed(1)),
      heapEndMb: Number(heapEnd.toFixed(1)),
      officersShown: app.officersShown,
      loadAverage: Number(loadEnd.toFixed(1)),
    };
  } finally {
    await phones?.stop().catch(() => undefined);
    await browser.close();
    await server.close();
  }
}
