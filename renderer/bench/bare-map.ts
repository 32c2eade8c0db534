/**
 * The positions benchmark's baseline (test/bench/positions.bench.ts; only in the bench build, at
 * bench/bare-map.html): a bare MapLibre page with no app around it, drawing the style the app's map
 * drew (handed over by the benchmark, with its sources' data) in a canvas of the same size and view,
 * that listens to the same fixes the web server relays (its `/positions` socket) and, for each batch,
 * only puts the officers' new positions into the officers' features and calls `setData` with all of
 * them. No checks, no storage, no stores, no diffs: what drawing those positions costs at the least.
 * A fix is timed to the map's worker holding the data it is in, as in the app (live-source.ts onceApplied).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  Map as MapLibreMap,
  setWorkerUrl,
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  type StyleSpecification,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Feature, FeatureCollection } from 'geojson';
import { addOfficerIcons, OFFICERS_SOURCE } from '../map/layers/officers';
import { onceApplied } from '../map/live-source';
import { Histogram, recordFrames, type FrameFigures, type HistogramSummary } from './frames';

setWorkerUrl(maplibreWorkerUrl);

export interface BareView {
  readonly style: StyleSpecification;
  readonly center: [number, number];
  readonly zoom: number;
  readonly width: number;
  readonly height: number;
}

export interface BareFigures {
  readonly latency: HistogramSummary;
  readonly frames: FrameFigures;
  readonly batches: number;
}

interface Fix {
  readonly officerId: string;
  readonly position: [number, number];
  readonly at: number;
}

let map: MapLibreMap | null = null;
let recording: { since: number; latency: Histogram; stop(): FrameFigures; batches: number } | null = null;

async function start(view: BareView): Promise<void> {
  const container = document.getElementById('map');
  if (container === null) throw new Error('bare page: no map container');
  container.style.width = `${view.width}px`;
  container.style.height = `${view.height}px`;
  const m = new MapLibreMap({
    container,
    style: view.style,
    center: view.center,
    zoom: view.zoom,
    attributionControl: false,
    maxPitch: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map = m;
  const icons = (): void => addOfficerIcons(m, window.devicePixelRatio || 1);
  m.on('styleimagemissing', icons);
  await new Promise<void>((resolve) => m.once('load', () => resolve()));
  icons();
  const source = m.getSource<GeoJSONSource>(OFFICERS_SOURCE);
  if (source === undefined) throw new Error('bare page: the style has no officers source');
  const spec = view.style.sources[OFFICERS_SOURCE] as GeoJSONSourceSpecification;
  const drawn = spec.data as FeatureCollection;
  const features = new Map<string, Feature>(drawn.features.map((f) => [String(f.properties?.id), f]));
  const url = new URL('/positions', location.href);
  url.protocol = 'ws:';
  const socket = new WebSocket(url);
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { event?: string; fixes?: Fix[] };
    if (message.event !== 'fixes' || message.fixes === undefined) return;
    const ats: number[] = [];
    for (const fix of message.fixes) {
      const feature = features.get(fix.officerId);
      if (feature === undefined) continue;
      features.set(fix.officerId, { ...feature, geometry: { type: 'Point', coordinates: fix.position } });
      ats.push(fix.at);
    }
    const r = recording;
    onceApplied(m, OFFICERS_SOURCE, () => {
      if (r === null || r !== recording) return;
      r.batches += 1;
      const now = Date.now();
      for (const at of ats) if (at >= r.since) r.latency.add(now - at);
    });
    void source.setData({ type: 'FeatureCollection', features: [...features.values()] });
  });
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('bare page: the positions socket failed')));
  });
}

function record(): void {
  const m = map;
  if (m === null) throw new Error('bare page: not started');
  const frames = recordFrames((listener) => {
    m.on('render', listener);
    return () => void m.off('render', listener);
  });
  recording = { since: Date.now(), latency: new Histogram(1, 30_000), stop: frames.stop, batches: 0 };
}

function stop(): BareFigures {
  const r = recording;
  recording = null;
  if (r === null) throw new Error('bare page: not recording');
  return { latency: r.latency.summary(), frames: r.stop(), batches: r.batches };
}

(window as unknown as { __bareMap?: unknown }).__bareMap = { start, record, stop };
