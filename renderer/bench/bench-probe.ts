/**
 * The scale and import benchmarks' probe (test/bench/scale.bench.ts, import.bench.ts): only in a renderer built with
 * GRIDDESK_BENCH=1 (into dist/renderer-bench); the normal build leaves this module out entirely.
 * Each call does what a user's action would do through the app's own stores and write functions,
 * as the signed-in account, and returns its span on the page's clock so the benchmark can find the
 * main-thread long tasks inside it.
 */
import { watch } from 'vue';
import { runCaseActions } from '../db/case-actions';
import { currentDb } from '../db/handle';
import { useAuthStore } from '../stores/auth';
import { useCasesStore } from '../stores/cases';
import { useIndicatorsStore } from '../stores/indicators';
import { useQueueStore } from '../stores/queue';
import { useRecordStore } from '../stores/record';
import { useTalliesStore } from '../stores/tallies';
import { useWallStore } from '../stores/wall';
import { useTownshipStore } from '../stores/township';
import { readInWorker } from '../geo-import/client';
import type { GeoReadProgress } from '../../shared/import/geo';
import { useCentreSetupStore } from '../stores/centre-setup';
import { openSetUpCentre } from '../app/session';
import type { MapProbe } from '../map/probe';
import { historyProbe } from './history-probe';
import { tilesProbe } from './tiles-probe';
import { positionsProbe } from './positions-probe';

/** A measured span on `performance.now()`'s clock, and what it did. */
export interface BenchSpan {
  readonly start: number;
  readonly end: number;
  readonly detail: string;
}

async function span(detail: () => Promise<string>): Promise<BenchSpan> {
  const start = performance.now();
  const text = await detail();
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  return { start, end: performance.now(), detail: text };
}

/** One 备注 on the newest open case, as the signed-in account. */
async function writeNote(text: string): Promise<void> {
  const token = useAuthStore().token;
  const kase = useCasesStore().openCases[0];
  if (token === null || kase === undefined) throw new Error('bench: not signed in or no open case');
  const result = await runCaseActions(
    currentDb(),
    kase.id,
    [{ type: 'note', payload: { text } }],
    token,
    Date.now(),
  );
  if (!result.ok) throw new Error(`bench: note refused: ${result.reason.key}`);
}

/** Resolves on the next change of the queue's clock events (the queue has re-read after a write). */
function nextQueueRefresh(): Promise<void> {
  const queue = useQueueStore();
  return new Promise((resolve) => {
    const stop = watch(
      () => queue.eventsByCase,
      () => {
        stop();
        resolve();
      },
    );
  });
}

const probe = {
  /** A write, then until the queue shows it (cases re-read, clocks' events re-read). */
  queueAfterWrite: () =>
    span(async () => {
      const refreshed = nextQueueRefresh();
      await writeNote('bench: queue refresh');
      await refreshed;
      return `${useCasesStore().queueCases.length} cases in the queue`;
    }),
  /**
   * `n` 备注 in one write (setup for the record check; not measured): one commit, one queue refresh,
   * waited for (the check a user starts later does not share the UI thread with it).
   */
  async writeNotes(n: number): Promise<void> {
    const refreshed = nextQueueRefresh();
    const token = useAuthStore().token;
    const kase = useCasesStore().openCases[0];
    if (token === null || kase === undefined) throw new Error('bench: not signed in or no open case');
    const notes = Array.from({ length: n }, (_, i) => ({
      type: 'note' as const,
      payload: { text: `bench: note ${i + 1}` },
    }));
    const result = await runCaseActions(currentDb(), kase.id, notes, token, Date.now());
    if (!result.ok) throw new Error(`bench: notes refused: ${result.reason.key}`);
    await refreshed;
  },
  /** How many events the record holds. */
  eventCount: (): Promise<number> => currentDb().events.count(),
  /** The wall's figures, recomputed as the wall does each minute. */
  wallRefresh: () =>
    span(async () => {
      await useWallStore().refresh();
      return `${useWallStore().figures?.open ?? '?'} open`;
    }),
  /** The record check a user runs after the day's work (the incremental one where there is one). */
  recordCheck: () =>
    span(async () => {
      const record = useRecordStore();
      const since = await record.verifySince(() => undefined).done;
      if (since.outcome.kind === 'checked')
        return `incremental ${since.outcome.from}→${since.outcome.to}: ${since.outcome.result.ok ? 'ok' : since.outcome.result.kind}`;
      const outcome = await record.verify(() => undefined).done;
      return `full (${since.outcome.reason}): ${outcome.result.ok ? 'ok' : outcome.result.kind}, ${outcome.count} events`;
    }),
  /**
   * The indicators' roll-ups rebuilt from the whole record, as after a reset or a restore (not daily
   * work: once; setup for a normal morning, when they are current). Waits for a rebuild already running,
   * then marks the roll-ups stale and times their rebuild in the tally worker.
   */
  tallyRebuild: async () => {
    const tallies = useTalliesStore();
    await tallies.ensure();
    return span(async () => {
      await currentDb().meta.delete('tallies');
      await tallies.ensure();
      return `${await currentDb().caseTallies.count()} case tallies, ${await currentDb().dayTallies.count()} day rows`;
    });
  },
  /** The 考核指标 dialog's 365-day report. */
  indicators365: () =>
    span(async () => {
      const report = await useIndicatorsStore().report(365);
      return `${report.overall.cases} cases`;
    }),
};

/** What the import benchmark reads back of one geographic import. */
export interface GeoImportFigures {
  /** From the call to the summary on the UI thread. */
  readonly read: BenchSpan;
  /** Then every feature brought over for a commit. */
  readonly fetch: BenchSpan;
  readonly workerMs: number;
  readonly featureCount: number;
  readonly fetched: number;
  readonly problemCount: number;
  readonly problemsByKey: Readonly<Record<string, number>>;
  readonly crs: string;
  readonly encoding: string;
  readonly sample: readonly string[];
  readonly extent: readonly number[] | null;
  /** The first preview feature's first position (lon, lat), to compare with ogr2ogr's. */
  readonly firstPosition: readonly number[] | null;
  /** When each phase was first reported, milliseconds after the start; and how many reports came. */
  readonly phases: Readonly<Record<string, number>>;
  readonly reports: number;
}

/**
 * The geographic import of `file` as the wizard will run it (geo-import/client.ts): read in its
 * worker with progress, then all features fetched for the commit.
 */
async function geoImport(file: File): Promise<GeoImportFigures> {
  const phases: Record<string, number> = {};
  let reports = 0;
  const start = performance.now();
  const onProgress = (p: GeoReadProgress): void => {
    reports++;
    phases[p.phase] ??= Math.round(performance.now() - start);
  };
  const result = await readInWorker(file, {}, { onProgress });
  const read: BenchSpan = { start, end: performance.now(), detail: result.ok ? 'summary' : 'refused' };
  if (!result.ok) throw new Error(`bench: import refused: ${JSON.stringify(result.errors)}`);
  const { summary } = result.handle;
  const fetchStart = performance.now();
  const features = await result.handle.allFeatures();
  const fetch: BenchSpan = {
    start: fetchStart,
    end: performance.now(),
    detail: `${features.length} features`,
  };
  result.handle.close();
  const first = summary.preview[0]?.geometry;
  const firstPosition = first?.type === 'Polygon' ? (first.coordinates[0]?.[0] ?? null) : null;
  const crs = summary.crs.detected;
  return {
    read,
    fetch,
    workerMs: summary.workerMs,
    featureCount: summary.featureCount,
    fetched: features.length,
    problemCount: summary.problemCount,
    problemsByKey: summary.problemsByKey,
    crs: `${crs.kind} EPSG:${'epsg' in crs ? crs.epsg : '?'} (${summary.crs.source})`,
    encoding: summary.encoding?.name ?? '?',
    sample: summary.encoding?.sample ?? [],
    extent: summary.extent,
    firstPosition,
    phases,
    reports,
  };
}

/** What the import benchmark reads back of a centre set up from its files. */
export interface SetUpFigures {
  /** The grids file read in its worker (summary on the UI thread). */
  readonly read: BenchSpan;
  /** Built and checked in that worker (the report on the UI thread). */
  readonly check: BenchSpan;
  /** Written into the centre's database from that worker. */
  readonly commit: BenchSpan;
  readonly grids: number;
  readonly problems: number;
  readonly errors: readonly string[];
  /** How many progress reports the write sent. */
  readonly writeReports: number;
  /** The grids the centre's database holds afterwards. */
  readonly stored: number;
}

/**
 * 从文件建立本中心 as the wizard runs it, through its store: the grids file read, the teams and
 * officers sheets checked with it, then the commit by the signed-in leader of the open, empty centre.
 */
async function setUpCentre(grids: File, teams: File, officers: File): Promise<SetUpFigures> {
  const store = useCentreSetupStore();
  let writeReports = 0;
  const stop = watch(
    () => store.writeProgress,
    (p) => {
      if (p !== null) writeReports++;
    },
  );
  try {
    let start = performance.now();
    await store.readGrids(grids);
    const read: BenchSpan = {
      start,
      end: performance.now(),
      detail: `${store.summary?.featureCount} features`,
    };
    store.teamsFile = teams;
    store.officersFile = officers;
    start = performance.now();
    const built = await store.check();
    const check: BenchSpan = { start, end: performance.now(), detail: built?.ok ? 'ok' : 'refused' };
    const problems = built?.problems ?? [];
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.key} ${JSON.stringify(p.params)}`);
    if (!built?.ok)
      return {
        read,
        check,
        commit: check,
        grids: 0,
        problems: problems.length,
        errors,
        writeReports,
        stored: 0,
      };
    start = performance.now();
    const written = await store.commit();
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const commit: BenchSpan = {
      start,
      end: performance.now(),
      detail: written.ok ? 'written' : written.refusal.key,
    };
    if (!written.ok) errors.push(written.refusal.key);
    const stored = await currentDb().grids.count();
    return {
      read,
      check,
      commit,
      grids: built.counts.grids,
      problems: problems.length,
      errors,
      writeReports,
      stored,
    };
  } finally {
    stop();
  }
}

/** What the import benchmark reads back of the set-up centre opened after its commit. */
export interface OpenFigures {
  /** From the call to openSetUpCentre until the map has its data and has drawn the township (idle). */
  readonly open: BenchSpan;
  /** Then the view moved to the first grid at zoom {@link CLOSER_ZOOM}, until the map is idle again. */
  readonly closer: BenchSpan;
  /** Grids the store holds, and distinct grids the map has rendered in the closer view (read after the spans). */
  readonly grids: number;
  readonly rendered: number;
  /** The zoom of the township view. */
  readonly zoom: number;
}

/** A street office's 50 m grids are drawn from zoom 14 (map/tiles/tile-service.ts drawnFromZoom). */
const CLOSER_ZOOM = 15;

/**
 * The workstation opened on the centre just set up, as the wizard does after its commit
 * (CentreSetupWizard.vue): the stores load it (session.ts openSetUpCentre), then until the map has its
 * data and MapLibre reports idle (everything drawn); then the view moved onto the first grid, closer,
 * until idle again. The rendered grids are counted after the spans, in a task of their own.
 */
async function openCentre(): Promise<OpenFigures> {
  let start = performance.now();
  await openSetUpCentre();
  const probe = (): MapProbe | undefined => (window as unknown as { __griddeskMap?: MapProbe }).__griddeskMap;
  let map = probe();
  while (map === undefined) {
    await new Promise((r) => setTimeout(r, 50));
    map = probe();
  }
  await map.idle();
  const open: BenchSpan = { start, end: performance.now(), detail: 'map idle' };
  const zoom = map.zoom();
  const first = useTownshipStore().grids[0]?.geometry;
  const ring = first?.type === 'Polygon' ? first.coordinates[0] : first?.coordinates[0]?.[0];
  const [lon = 0, lat = 0] = ring?.[0] ?? [];
  start = performance.now();
  map.jumpTo([lon + 0.0002, lat + 0.0002], CLOSER_ZOOM);
  await map.idle();
  const closer: BenchSpan = { start, end: performance.now(), detail: 'map idle' };
  // Counted in a task of its own, after the spans: reading back every rendered grid is the probe's work.
  await new Promise((r) => setTimeout(r, 0));
  return { open, closer, grids: useTownshipStore().grids.length, rendered: map.counts().grids, zoom };
}

const benchProbe = {
  ...probe,
  geoImport,
  setUpCentre,
  openCentre,
  ...historyProbe,
  ...tilesProbe,
  ...positionsProbe,
};

export type BenchProbe = typeof benchProbe;

/** Puts the probe on `window.__griddeskBench`. */
export function installBenchProbe(): void {
  (window as unknown as { __griddeskBench?: BenchProbe }).__griddeskBench = benchProbe;
}
