import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type MapMouseEvent,
} from 'maplibre-gl';
import { bbox } from '@turf/turf';
// MapLibre's worker is its own ES module; Vite bundles it as a separate file served from our origin
// (app://griddesk or the web server), which the CSP's worker-src 'self' allows.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Case } from '../../shared/model/case';
import { asGeoJson } from '../../shared/model/geo';
import type { TownshipDataset } from '../../shared/model/dataset';
import { LAYER_GROUP_IDS, LAYER_GROUPS, type LayerGroup, offlineStyle } from './style';
import { MAP_FONT_FACES } from '../fonts/cjk-font';
import type { MapTheme } from './palette';
import { BASEMAP_SOURCE, basemapFeatures } from './layers/basemap';
import { GRIDS_SOURCE, GRID_FILL_LAYER, gridFeatures } from './layers/grids';
import { PATROL_AREAS_SOURCE, PATROL_AREA_FILL_LAYER, patrolAreaFeatures } from './layers/patrol-areas';
import type { Officer } from '../../shared/model/organisation';
import { OFFICERS_SOURCE, OFFICER_ICON_LAYER, addOfficerIcons, officerFeatures } from './layers/officers';
import { PLACEMENT_SOURCE, placementFeatures } from './layers/placement';
import {
  IMPORT_PREVIEW_LAYER,
  IMPORT_PREVIEW_SOURCE,
  importPreviewFeatures,
  type ImportPreviewPoint,
} from './layers/import-preview';
import { CASES_SOURCE, CASE_CLUSTER_LAYER, CASE_POINT_LAYER, caseFeatures } from './layers/cases';

setWorkerUrl(maplibreWorkerUrl);

/** What the user picked on the map; the details panel shows it. */
export type MapSelection =
  | { readonly kind: 'grid'; readonly id: string }
  | { readonly kind: 'patrolArea'; readonly id: string }
  | { readonly kind: 'officer'; readonly id: string }
  | { readonly kind: 'case'; readonly id: string }
  | { readonly kind: 'cluster'; readonly count: number };

/** The parts of the township the map draws, and the open cases. */
export type MapData = Pick<
  TownshipDataset,
  'township' | 'basemap' | 'grids' | 'patrolAreas' | 'teams' | 'officers'
> & {
  readonly openCases: readonly Case[];
  /** Ids of the open cases whose running clock is overdue (ringed in red). */
  readonly overdue: ReadonlySet<string>;
};

export interface MapEvents {
  /** A click anywhere; return true to take it (placing an incident), so it does not also select. */
  onClick(lonLat: readonly [number, number]): boolean;
  onSelect(selection: MapSelection | null): void;
  onCursor(lngLat: readonly [number, number] | null): void;
  onZoom(zoom: number): void;
}

/** Pick order for a click: the topmost kind wins. */
const PICK_LAYERS = [
  OFFICER_ICON_LAYER,
  CASE_POINT_LAYER,
  CASE_CLUSTER_LAYER,
  GRID_FILL_LAYER,
  PATROL_AREA_FILL_LAYER,
];

/**
 * Turns plain data into the map's sources and layers, and map gestures into plain events. The map
 * owns no state: stores hold the data, this controller only shows it. It is created outside Vue
 * reactivity and removed explicitly.
 */
export class MapController {
  readonly map: MapLibreMap;
  private townshipBounds: [number, number, number, number] | null = null;
  private hovered: { source: string; id: string | number } | null = null;
  private loaded: Promise<void>;
  private placing = false;

  constructor(
    container: HTMLElement,
    private readonly events: MapEvents,
    options: { readonly theme?: MapTheme; readonly controls?: boolean } = {},
  ) {
    this.map = new MapLibreMap({
      container,
      style: offlineStyle(options.theme, MAP_FONT_FACES),
      center: [120.0, 32.5],
      zoom: 11,
      attributionControl: false,
      maxPitch: 0,
      dragRotate: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.touchZoomRotate.disableRotation();
    if (options.controls ?? true) {
      this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      this.map.addControl(new ScaleControl({ maxWidth: 140, unit: 'metric' }), 'bottom-right');
    }
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.map.on('styleimagemissing', () => addOfficerIcons(this.map, window.devicePixelRatio || 1));
    this.map.on('load', () => addOfficerIcons(this.map, window.devicePixelRatio || 1));
    this.map.on('mousemove', (e) => this.handleMove(e));
    this.map.on('mouseout', () => {
      this.setHover(null);
      this.events.onCursor(null);
    });
    this.map.on('click', (e) => this.handleClick(e));
    this.map.on('zoomend', () => this.events.onZoom(this.map.getZoom()));
  }

  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  async setData(data: MapData): Promise<void> {
    await this.loaded;
    this.source(BASEMAP_SOURCE).setData(basemapFeatures(data.basemap));
    this.source(PATROL_AREAS_SOURCE).setData(patrolAreaFeatures(data.patrolAreas, data.teams));
    this.source(GRIDS_SOURCE).setData(gridFeatures(data.grids));
    this.source(OFFICERS_SOURCE).setData(officerFeatures(data.officers));
    this.source(CASES_SOURCE).setData(caseFeatures(data.openCases, data.overdue));
    const [w, s, e, n] = bbox(asGeoJson(data.township.boundary));
    this.townshipBounds = [w, s, e, n];
  }

  /** Replaces only the officers (new positions arrived). */
  async setOfficers(officers: readonly Officer[]): Promise<void> {
    await this.loaded;
    this.source(OFFICERS_SOURCE).setData(officerFeatures(officers));
  }

  /** Replaces only the open cases and which of them are overdue (the other sources stay as they are). */
  async setOpenCases(cases: readonly Case[], overdue: ReadonlySet<string>): Promise<void> {
    await this.loaded;
    this.source(CASES_SOURCE).setData(caseFeatures(cases, overdue));
  }

  setVisibility(visible: Readonly<Record<LayerGroup, boolean>>): void {
    for (const group of LAYER_GROUPS) {
      for (const id of LAYER_GROUP_IDS[group]) {
        if (this.map.getLayer(id))
          this.map.setLayoutProperty(id, 'visibility', visible[group] ? 'visible' : 'none');
      }
    }
  }

  /** Outlines the selected grid in red (or clears it). */
  setSelectedGrid(code: string | null): void {
    if (this.map.getLayer('grids-selected'))
      this.map.setFilter('grids-selected', ['==', ['get', 'code'], code ?? '']);
  }

  fitTownship(animate = true): void {
    if (!this.townshipBounds) return;
    const [w, s, e, n] = this.townshipBounds;
    this.map.fitBounds([w, s, e, n], { padding: 40, animate, duration: animate ? 600 : 0 });
  }

  flyTo(lonLat: readonly [number, number], zoom = 16): void {
    this.map.easeTo({ center: [lonLat[0], lonLat[1]], zoom, duration: 500 });
  }

  resize(): void {
    this.map.resize();
  }

  remove(): void {
    this.map.remove();
  }

  private source(id: string): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(id);
    if (!source) throw new Error(`map source ${id} is missing from the style`);
    return source;
  }

  private pick(e: MapMouseEvent): MapGeoJSONFeature | undefined {
    const layers = PICK_LAYERS.filter(
      (id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none',
    );
    const features = this.map.queryRenderedFeatures(e.point, { layers });
    return PICK_LAYERS.map((id) => features.find((f) => f.layer.id === id)).find((f) => f !== undefined);
  }

  private handleMove(e: MapMouseEvent): void {
    this.events.onCursor([e.lngLat.lng, e.lngLat.lat]);
    const f = this.pick(e);
    this.map.getCanvas().style.cursor = this.placing ? 'crosshair' : f ? 'pointer' : '';
    this.setHover(
      f && f.id !== undefined && f.layer.id !== CASE_CLUSTER_LAYER ? { source: f.source, id: f.id } : null,
    );
  }

  private setHover(next: { source: string; id: string | number } | null): void {
    if (this.hovered && (this.hovered.source !== next?.source || this.hovered.id !== next.id)) {
      this.map.setFeatureState(this.hovered, { hover: false });
    }
    if (next) this.map.setFeatureState(next, { hover: true });
    this.hovered = next;
  }

  /** Shows the incident being placed, or clears it; the crosshair cursor says a click will place it. */
  setPlacement(point: readonly [number, number] | null): void {
    this.map.getSource<GeoJSONSource>(PLACEMENT_SOURCE)?.setData(placementFeatures(point));
  }

  /**
   * Shows the rows of an import about to be committed (empty to clear) and frames them with the township,
   * so points that a wrong coordinate system pushed outside are in view.
   */
  async setImportPreview(points: readonly ImportPreviewPoint[]): Promise<void> {
    await this.loaded;
    this.source(IMPORT_PREVIEW_SOURCE).setData(importPreviewFeatures(points));
    if (!this.townshipBounds) return;
    let [w, s, e, n] = this.townshipBounds;
    for (const { location } of points) {
      w = Math.min(w, location[0]);
      e = Math.max(e, location[0]);
      s = Math.min(s, location[1]);
      n = Math.max(n, location[1]);
    }
    this.map.fitBounds([w, s, e, n], { padding: 20, animate: false });
  }

  /** How many preview points the map has drawn in view, inside and outside the township. */
  renderedImportPreview(): { readonly inside: number; readonly outside: number } {
    if (!this.map.getLayer(IMPORT_PREVIEW_LAYER)) return { inside: 0, outside: 0 };
    const rows = new Map<unknown, boolean>();
    for (const f of this.map.queryRenderedFeatures({ layers: [IMPORT_PREVIEW_LAYER] })) {
      rows.set(f.properties.row, f.properties.inside === true);
    }
    const inside = [...rows.values()].filter(Boolean).length;
    return { inside, outside: rows.size - inside };
  }

  setPlacing(on: boolean): void {
    this.placing = on;
    this.map.getCanvas().style.cursor = on ? 'crosshair' : '';
  }

  private handleClick(e: MapMouseEvent): void {
    if (this.events.onClick([e.lngLat.lng, e.lngLat.lat])) return;
    const f = this.pick(e);
    const p = f?.properties ?? {};
    if (!f) return this.events.onSelect(null);
    switch (f.layer.id) {
      case OFFICER_ICON_LAYER:
        return this.events.onSelect({ kind: 'officer', id: String(p.id) });
      case CASE_POINT_LAYER:
        return this.events.onSelect({ kind: 'case', id: String(p.id) });
      case CASE_CLUSTER_LAYER: {
        this.events.onSelect({ kind: 'cluster', count: Number(p.point_count) });
        const geometry = f.geometry as GeoJSON.Point;
        this.map.easeTo({ center: geometry.coordinates as [number, number], zoom: this.map.getZoom() + 2 });
        return;
      }
      case GRID_FILL_LAYER:
        return this.events.onSelect({ kind: 'grid', id: String(p.code) });
      default:
        return this.events.onSelect({ kind: 'patrolArea', id: String(p.id) });
    }
  }
}
