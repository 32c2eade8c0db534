import type { Point } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import type { LiveUpdate, MapController } from './controller';
import { MAP_LAYERS, type RenderedCounts } from './registry';
import { CASE_CLUSTER_LAYER } from './layers/cases';
import { OFFICER_ICON_LAYER } from './layers/officers';
import {
  PLAYBACK_LINE_LAYER,
  PLAYBACK_MARKER_LAYER,
  PLAYBACK_TICK_LABEL_LAYER,
  PLAYBACK_TICK_LAYER,
} from './layers/playback';
import { NET_BASEMAP } from './net-basemap';

export type { RenderedCounts } from './registry';

/**
 * A read-only diagnostic view of what the map has rendered, read back from the map itself
 * (queryRenderedFeatures), not from the stores: every layer's probe, merged. End-to-end tests and the
 * wall's health check use it.
 */
export function renderedCounts(controller: MapController): RenderedCounts {
  const counts: Record<string, number> = {};
  for (const m of MAP_LAYERS) if ('probe' in m) Object.assign(counts, m.probe(controller.map));
  return counts as RenderedCounts;
}

export interface MapProbe {
  /** Resolves once the map has loaded its data and finished rendering (MapLibre's `idle`). */
  idle(): Promise<void>;
  counts(): RenderedCounts;
  zoom(): number;
  /** The case clusters drawn now: where (stored WGS84 lon/lat) and how many cases each holds. */
  clusters(): { lonLat: [number, number]; count: number }[];
  /** The officers' badges drawn now: whose, where (stored WGS84 lon/lat) and which unit status badge. */
  officers(): { id: string; lonLat: [number, number]; display: string }[];
  /**
   * What a track playback draws now: whose track lines, the ticks' times and labels (the labels the
   * map placed), and each replayed officer's marker (stored WGS84 lon/lat).
   */
  playback(): RenderedPlayback;
  /** The centre of the view (stored WGS84 lon/lat). */
  centre(): [number, number];
  /** Screen pixel (relative to the map canvas) of a stored WGS84 lon/lat, for tests that click the map. */
  project(lonLat: readonly [number, number]): { x: number; y: number };
  /** The stored WGS84 lon/lat under a screen pixel (relative to the map canvas). */
  unproject(point: { readonly x: number; readonly y: number }): [number, number];
  /** The datum the overlays are drawn in (their basemap's). */
  datum(): 'wgs84' | 'gcj02';
  /** The paint of every raster layer drawn (the network basemap's), by style layer id. */
  rasterPaint(): Record<string, Record<string, unknown>>;
  /** How many features of each source layer a vector basemap (a server's, a local file's) draws now. */
  basemapFeatures(): Record<string, number>;
  /** Canvas position on the page, to turn map pixels into page pixels. */
  canvasRect(): { left: number; top: number; width: number; height: number };
  /** Moves the view to `lonLat` at `zoom` at once (benches that look closer; nothing else changes). */
  jumpTo(lonLat: readonly [number, number], zoom: number): void;
  /**
   * The style as drawn now (sources with their data), the view's centre (the map's own lon/lat) and zoom:
   * a bench draws the same map on a bare page.
   */
  view(): { style: StyleSpecification; center: [number, number]; zoom: number };
  /** How many officers' badges glide to a new fix now. */
  gliding(): number;
  /** Calls `listener` when a live source (officers) has shown features anew; returns the unsubscribe. */
  onLiveUpdate(listener: (update: LiveUpdate) => void): () => void;
  /** Calls `listener` after each frame the map renders (benches time frames); returns the unsubscribe. */
  onRender(listener: () => void): () => void;
}

export interface RenderedPlayback {
  readonly tracks: string[];
  readonly ticks: { officerId: string; at: number; label: string }[];
  readonly labels: string[];
  readonly markers: { officerId: string; lonLat: [number, number] }[];
}

function renderedPlayback(controller: MapController): RenderedPlayback {
  const map = controller.map;
  const rendered = (layer: string) =>
    map.getLayer(layer) ? map.queryRenderedFeatures({ layers: [layer] }) : [];
  const ticks = new Map<string, { officerId: string; at: number; label: string }>();
  for (const f of rendered(PLAYBACK_TICK_LAYER))
    ticks.set(String(f.properties.tickId), {
      officerId: String(f.properties.officerId),
      at: Number(f.properties.at),
      label: String(f.properties.label),
    });
  return {
    tracks: [...new Set(rendered(PLAYBACK_LINE_LAYER).map((f) => String(f.properties.officerId)))].sort(),
    ticks: [...ticks.values()].sort((a, b) => a.at - b.at),
    labels: [...new Set(rendered(PLAYBACK_TICK_LABEL_LAYER).map((f) => String(f.properties.label)))].sort(),
    markers: rendered(PLAYBACK_MARKER_LAYER).map((f) => ({
      officerId: String(f.properties.officerId),
      lonLat: [...controller.toStored((f.geometry as Point).coordinates as [number, number])] as [
        number,
        number,
      ],
    })),
  };
}

export function createMapProbe(controller: MapController, dataReady: Promise<void>): MapProbe {
  return {
    async idle() {
      await dataReady;
      const map = controller.map;
      if (map.loaded() && !map.isMoving()) {
        await new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        });
      } else {
        await new Promise<void>((resolve) => map.once('idle', () => resolve()));
      }
    },
    counts: () => renderedCounts(controller),
    zoom: () => controller.map.getZoom(),
    clusters: () =>
      controller.map.getLayer(CASE_CLUSTER_LAYER)
        ? controller.map.queryRenderedFeatures({ layers: [CASE_CLUSTER_LAYER] }).map((f) => ({
            lonLat: [...controller.toStored((f.geometry as Point).coordinates as [number, number])],
            count: Number(f.properties.point_count),
          }))
        : [],
    officers: () =>
      controller.map.getLayer(OFFICER_ICON_LAYER)
        ? controller.map.queryRenderedFeatures({ layers: [OFFICER_ICON_LAYER] }).map((f) => ({
            id: String(f.properties.id),
            lonLat: [...controller.toStored((f.geometry as Point).coordinates as [number, number])] as [
              number,
              number,
            ],
            display: String(f.properties.display),
          }))
        : [],
    playback: () => renderedPlayback(controller),
    centre: () => {
      const c = controller.map.getCenter();
      return [...controller.toStored([c.lng, c.lat])] as [number, number];
    },
    project: (lonLat) => controller.project(lonLat),
    unproject: (point) => [...controller.unproject(point)],
    datum: () => controller.shownDatum(),
    basemapFeatures: () => {
      const map = controller.map;
      const layers = map
        .getStyle()
        .layers.filter((l) => l.id.startsWith(NET_BASEMAP) && (l.type === 'fill' || l.type === 'line'))
        .map((l) => l.id);
      const counts: Record<string, number> = {};
      if (layers.length === 0) return counts;
      for (const f of map.queryRenderedFeatures({ layers }))
        counts[f.sourceLayer ?? ''] = (counts[f.sourceLayer ?? ''] ?? 0) + 1;
      return counts;
    },
    rasterPaint: () =>
      Object.fromEntries(
        controller.map
          .getStyle()
          .layers.filter((l) => l.type === 'raster')
          .map((l) => [l.id, { ...(l.paint ?? {}) }]),
      ),
    jumpTo: (lonLat, zoom) => controller.jumpTo(lonLat, zoom),
    view: () => {
      const { lng, lat } = controller.map.getCenter();
      return { style: controller.map.getStyle(), center: [lng, lat], zoom: controller.map.getZoom() };
    },
    gliding: () => controller.gliding(),
    onLiveUpdate: (listener) => controller.onLiveUpdate(listener),
    onRender: (listener) => {
      controller.map.on('render', listener);
      return () => void controller.map.off('render', listener);
    },
    canvasRect: () => {
      const r = controller.map.getCanvas().getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    },
  };
}
