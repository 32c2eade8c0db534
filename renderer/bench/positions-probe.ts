/**
 * The positions benchmark's side in the app's page (test/bench/positions.bench.ts; only in the bench
 * build): phones bound to the roster through the 终端定位 write a shift leader makes, then, while the
 * benchmark's phones report, the latency from each fix's time (the phone's timestamp, which the
 * benchmark sets to the moment it sends) to the officers' live map source holding it, the map's
 * frames, and what the centre's database holds.
 */
import { DEFAULT_FEED_CONFIG } from '../../shared/positions/feed';
import { useAuthStore } from '../stores/auth';
import { usePhonesStore } from '../stores/phones';
import { useTownshipStore } from '../stores/township';
import { currentDb } from '../db/handle';
import { platform } from '../platform';
import { stopSamplePositionFeed } from '../app/position-feed';
import type { MapProbe } from '../map/probe';
import type { LiveUpdate } from '../map/controller';
import { Histogram, recordFrames, type FrameFigures, type HistogramSummary } from './frames';

/** The device id the benchmark's phone `n` (from 1) reports under. */
export const benchDeviceId = (n: number): string => `bench-${n}`;

function mapProbe(): MapProbe {
  const probe = (window as unknown as { __griddeskMap?: MapProbe }).__griddeskMap;
  if (probe === undefined) throw new Error('bench: the map is not shown');
  return probe;
}

export interface PositionsFigures {
  /** From a fix's time to the live source holding it (the map's worker has it), ms. */
  readonly latency: HistogramSummary;
  /** From a fix's time to its arrival in the page (the host's batch over the socket), ms. */
  readonly arrival: HistogramSummary;
  readonly frames: FrameFigures;
  /** Fixes the listener admitted since it started. */
  readonly admitted: number;
  readonly trackPoints: number;
  readonly officersShown: number;
}

let recording: { stop(): Promise<PositionsFigures> } | null = null;

/**
 * Binds `count` phones (`bench-1`…) to the first `count` officers of the roster and switches the
 * listener on at `port` for this PC, as the shift leader signed in (the write checks the role). The
 * sample's patrol simulator is stopped: a centre whose officers carry phones has none, and it would
 * move the same officers.
 */
async function positionsSetUp(port: number, count: number): Promise<{ bound: number; status: string }> {
  stopSamplePositionFeed();
  const token = useAuthStore().token;
  if (token === null) throw new Error('bench: not signed in');
  const officers = useTownshipStore().officers.slice(0, count);
  if (officers.length < count)
    throw new Error(`bench: the roster has ${officers.length} officers, not ${count}`);
  const saved = await usePhonesStore().save(
    {
      ...DEFAULT_FEED_CONFIG,
      enabled: true,
      port,
      reach: 'local',
      bindings: officers.map((o, i) => ({ deviceId: benchDeviceId(i + 1), officerId: o.id, token: null })),
      traccar: null,
    },
    token,
  );
  if (!saved.ok) throw new Error(`bench: phones refused: ${JSON.stringify(saved.issues.slice(0, 3))}`);
  return { bound: officers.length, status: JSON.stringify(usePhonesStore().status) };
}

/**
 * Starts recording: every fix stamped from now on is timed once, when the officers' live source first
 * holds it (an officer's property change shows the same fix again: not counted twice).
 */
function positionsRecord(): void {
  if (recording !== null) throw new Error('bench: already recording');
  const since = Date.now();
  const latency = new Histogram(1, 30_000);
  const counted = new Map<string, number>();
  const onUpdate = (update: LiveUpdate): void => {
    const now = Date.now();
    const ids = new Set(update.ids);
    for (const officer of update.data.officers) {
      const at = officer.positionAt;
      if (at === undefined || at < since || !ids.has(officer.id) || counted.get(officer.id) === at) continue;
      counted.set(officer.id, at);
      latency.add(now - at);
    }
  };
  const arrival = new Histogram(1, 30_000);
  const stopArrivals = platform().onPositionFixes((fixes) => {
    const now = Date.now();
    for (const fix of fixes) if (fix.at >= since) arrival.add(now - fix.at);
  });
  const probe = mapProbe();
  const off = probe.onLiveUpdate(onUpdate);
  const frames = recordFrames((listener) => probe.onRender(listener));
  recording = {
    async stop() {
      off();
      stopArrivals();
      const figures = frames.stop();
      const counts = await platform().positions.counts();
      return {
        latency: latency.summary(),
        arrival: arrival.summary(),
        frames: figures,
        admitted: counts?.admitted ?? 0,
        trackPoints: await currentDb().trackPoints.count(),
        officersShown: probe.officers().length,
      };
    },
  };
}

/** Stops recording and gives the figures. */
async function positionsStop(): Promise<PositionsFigures> {
  const r = recording;
  recording = null;
  if (r === null) throw new Error('bench: not recording');
  return r.stop();
}

/** What the centre holds now: track points stored, fixes admitted by the listener. */
async function positionsCounts(): Promise<{ trackPoints: number; admitted: number }> {
  const counts = await platform().positions.counts();
  return { trackPoints: await currentDb().trackPoints.count(), admitted: counts?.admitted ?? 0 };
}

/** The map's style as drawn now, and its view (the bare page draws the same). */
function positionsMapView(): {
  style: unknown;
  center: [number, number];
  zoom: number;
  width: number;
  height: number;
} {
  const probe = mapProbe();
  const view = probe.view();
  const rect = probe.canvasRect();
  return { ...view, width: rect.width, height: rect.height };
}

export const positionsProbe = {
  positionsSetUp,
  positionsRecord,
  positionsStop,
  positionsCounts,
  positionsMapView,
};
