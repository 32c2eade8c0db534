import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type VectorTileSource,
  type MapMouseEvent,
  type SourceSpecification,
} from 'maplibre-gl';
import { bbox } from '@turf/turf';
// MapLibre's worker is its own ES module; Vite bundles it as a separate file served from our origin
// (app://griddesk or the web server), which the CSP's worker-src 'self' allows.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Case } from '../../shared/model/case';
import { asGeoJson } from '../../shared/model/geo';
import type { Officer } from '../../shared/model/organisation';
import { offlineStyle } from './style';
import { MAP_FONT_FACES } from '../fonts/cjk-font';
import { MAP_THEMES, type MapTheme } from './palette';
import type {
  ImportPreviewPoint,
  MapLayerData,
  MapPickRule,
  MapSelection,
  TiledFeatures,
} from './layer-module';
import {
  LAYER_GROUPS,
  LAYER_GROUP_IDS,
  MAP_LAYERS,
  PICK_RULES,
  moduleById,
  type LayerGroup,
} from './registry';
import { cursorFor, type MapMode } from './modes';
import { basemapDatum, type BasemapLayer } from '../../shared/tiles/basemaps';
import type { LonLat } from '../../shared/model/geo';
import { NET_BASEMAP, netBasemapStyle } from './net-basemap';
import { shownCollection, shownDatum, type ShownDatum } from './shown-datum';
import type { LocalBasemapLayer } from '../tiles/local-protocol';
import { localBasemapStyle } from './local-basemap-layers';
import { dropTiles, publishTiles, registerTileProtocol } from './tiles/tile-client';
import { tileUrl } from './tiles/tile-url';
import { LiveSource } from './live-source';
import type { FeatureKey } from './live-diff';

export type { MapSelection } from './layer-module';

/** Numbers the controllers of the window: each one's tile sets are its own (the wall, a preview map). */
let controllers = 0;

setWorkerUrl(maplibreWorkerUrl);

/** The parts of the township the map draws, and the open cases (the unit states: none until given). */
export type MapData = Omit<
  MapLayerData,
  'placement' | 'importPreview' | 'playback' | 'playbackMarkers' | 'unitStates'
> &
  Partial<Pick<MapLayerData, 'unitStates'>>;

export interface MapEvents {
  /** A click in `place` mode: where the incident is (WGS84 lon/lat). */
  onPlace(lonLat: readonly [number, number]): void;
  /** A click in `select` mode: what it picked, or null for empty map. */
  onSelect(selection: MapSelection | null): void;
  onCursor(lngLat: readonly [number, number] | null): void;
  onZoom(zoom: number): void;
  /** A drag in `box` mode ended: the box drawn, WGS84 [west, south, east, north]. */
  onBox?(box: readonly [number, number, number, number]): void;
  /** The user started dragging the map (never the map's own easing). */
  onPan?(): void;
}

/** What a live source (officers' positions) showed anew: which features, drawn from which map data. */
export interface LiveUpdate {
  readonly source: string;
  readonly ids: readonly FeatureKey[];
  /** The map data the features were drawn from. */
  readonly data: MapLayerData;
}

/** The source and layers of the box an offline download covers (drawn on top of everything). */
const OFFLINE_BOX = 'offline-box';

/**
 * Turns plain data into the map's sources and layers, and map gestures into plain events. The map
 * owns no state: stores hold the data, this controller only shows it, layer by layer as the registry
 * (`./registry.ts`) declares them. It is created outside Vue reactivity and removed explicitly.
 */
export class MapController {
  readonly map: MapLibreMap;
  private townshipBounds: [number, number, number, number] | null = null;
  private hovered: { source: string; sourceLayer?: string; id: string | number } | null = null;
  private readonly tileKeyPrefix = `map${++controllers}`;
  /** Per tiled source: the updates published so far, and the key of the tile set it shows. */
  private readonly tileSets = new Map<string, { epoch: number; shown?: string }>();
  private loaded: Promise<void>;
  private removed = false;
  private mode: MapMode;
  /** The latest of each part of the data, as last handed in; each layer is drawn from it. */
  private data: Partial<MapLayerData> = {
    placement: null,
    importPreview: [],
    playback: null,
    playbackMarkers: [],
    unitStates: new Map(),
  };
  private readonly dark: boolean;
  private basemap: readonly BasemapLayer[] = [];
  /** The style layers of `basemap` (a vector basemap draws several per source). */
  private basemapLayerIds: string[] = [];
  /**
   * The datum the map draws in, its basemap's: every overlay goes into a source through `update` shifted
   * into it, and every position the map hands back goes through `toStored` (shown-datum.ts).
   */
  private shown: ShownDatum = shownDatum('wgs84');
  private localBasemap: { key: string; layers: string[] } | null = null;
  /** The registry's live sources (drawn by diffs), made on first drawing. */
  private readonly liveSources = new Map<string, LiveSource<MapLayerData>>();
  private readonly liveListeners = new Set<(update: LiveUpdate) => void>();

  constructor(
    container: HTMLElement,
    private readonly events: MapEvents,
    options: { readonly theme?: MapTheme; readonly controls?: boolean; readonly mode?: MapMode } = {},
  ) {
    this.mode = options.mode ?? { kind: 'select' };
    this.dark = options.theme === MAP_THEMES.dark;
    registerTileProtocol();
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
    const prepare = (): void => {
      for (const m of MAP_LAYERS) if ('prepare' in m) m.prepare(this.map);
    };
    this.map.on('styleimagemissing', prepare);
    this.map.on('load', prepare);
    this.map.on('mousemove', (e) => this.handleMove(e));
    this.map.on('mouseout', () => {
      this.setHover(null);
      this.events.onCursor(null);
    });
    this.map.on('click', (e) => this.handleClick(e));
    this.map.on('mousedown', (e) => this.startBox(e));
    this.map.on('zoomend', () => this.events.onZoom(this.map.getZoom()));
    this.map.on('dragstart', () => this.events.onPan?.());
  }

  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  /** Draws the township and the open cases (the placement and import preview stay as they are). */
  async setData(data: MapData): Promise<void> {
    await this.update(data);
    const [w, s, e, n] = bbox(asGeoJson(data.township.boundary));
    this.townshipBounds = [w, s, e, n];
  }

  /** Draws the officers anew (new positions arrived); their live source is sent only what changed. */
  async setOfficers(officers: readonly Officer[]): Promise<void> {
    await this.update({ officers });
  }

  /** Replaces only the officers' unit statuses (the clock or a case moved one). */
  async setUnitStates(unitStates: MapLayerData['unitStates']): Promise<void> {
    await this.update({ unitStates });
  }

  /** Replaces only the open cases and which of them are overdue (the other sources stay as they are). */
  async setOpenCases(openCases: readonly Case[], overdue: ReadonlySet<string>): Promise<void> {
    await this.update({ openCases, overdue });
  }

  /**
   * Takes new parts of the map data and redraws the layers that read any of them (once they have all
   * they read); the other sources are not touched. This is the one way geometry enters the map's
   * sources: stored WGS84, drawn shifted into the basemap's datum (GeoJSON here, tiles in the worker).
   */
  async update(patch: Partial<MapLayerData>): Promise<void> {
    await this.loaded;
    this.data = { ...this.data, ...patch };
    const changed = Object.keys(patch);
    const datum = this.shown.datum;
    for (const m of MAP_LAYERS) {
      const reads: readonly (keyof MapLayerData)[] = m.reads;
      if (!reads.some((k) => changed.includes(k))) continue;
      if (!reads.every((k) => this.data[k] !== undefined)) continue;
      const data = this.data as MapLayerData;
      if ('tiled' in m) {
        for (const [id, features] of Object.entries(m.tiled)) await this.publish(id, features(data), datum);
        continue;
      }
      const sources = m.update(data);
      const live: readonly string[] = 'live' in m ? m.live : [];
      for (const [id, features] of Object.entries(sources)) {
        const shown = shownCollection(features, datum);
        if (live.includes(id)) this.liveSource(m, id).show(shown, data);
        else this.source(id).setData(shown);
      }
    }
  }

  /** How many points of the live sources glide now (the diagnostic probe's). */
  gliding(): number {
    let n = 0;
    for (const live of this.liveSources.values()) n += live.gliding();
    return n;
  }

  /**
   * Calls `listener` each time a live source has shown features anew (the map's worker has them);
   * returns the function that stops it. The diagnostic probe's, for benches that time fixes to the map.
   */
  onLiveUpdate(listener: (update: LiveUpdate) => void): () => void {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  /** The live source `id` of module `m`, keyed by the `promoteId` its specification names. */
  private liveSource(m: (typeof MAP_LAYERS)[number], id: string): LiveSource<MapLayerData> {
    const existing = this.liveSources.get(id);
    if (existing !== undefined) return existing;
    const specs: Readonly<Record<string, SourceSpecification | undefined>> = m.sources();
    const spec = specs[id];
    const key = spec?.type === 'geojson' ? spec.promoteId : undefined;
    if (typeof key !== 'string') throw new Error(`live map source ${id} needs a geojson promoteId property`);
    const live = new LiveSource<MapLayerData>(this.map, id, key, ({ ids, stamp }) => {
      for (const listener of this.liveListeners) listener({ source: id, ids, data: stamp });
    });
    this.liveSources.set(id, live);
    return live;
  }

  /** Where the map draws a stored WGS84 [lon, lat] (shifted over a GCJ-02 basemap). */
  toShown(lonLat: LonLat): LonLat {
    return this.shown.shown(lonLat);
  }

  /** The stored WGS84 [lon, lat] a position of the map (a click, the pointer, a drawn box) stands for. */
  toStored(lonLat: LonLat): LonLat {
    return this.shown.stored(lonLat);
  }

  /** The canvas pixel at which the map draws a stored WGS84 [lon, lat]. */
  project(lonLat: LonLat): { x: number; y: number } {
    const p = this.map.project([...this.toShown(lonLat)]);
    return { x: p.x, y: p.y };
  }

  /** The stored WGS84 [lon, lat] under a canvas pixel. */
  unproject(point: { readonly x: number; readonly y: number }): LonLat {
    const at = this.map.unproject([point.x, point.y]);
    return this.toStored([at.lng, at.lat]);
  }

  /**
   * Draws a network basemap's layers (bottom first; raster, or vector in the generic style) right above the background, under every
   * layer of the township: their tiles come through the tile cache (`griddesk-basemap://`, renderer/tiles). An
   * empty list takes the network basemap away. On the dark wall the tiles are drawn dark
   * (net-basemap.ts). A basemap in another datum than the last (GCJ-02 ↔ WGS84) redraws every overlay
   * in it.
   */
  async setBasemap(layers: readonly BasemapLayer[]): Promise<void> {
    await this.loaded;
    // The same source drawn another way (its vector layers read again, its tone changed) is redrawn.
    const drawnAs = (l: BasemapLayer | undefined): string =>
      l === undefined ? '' : `${l.id}|${l.tone ?? ''}|${(l.vectorLayers ?? []).join(',')}`;
    const same =
      layers.length === this.basemap.length &&
      layers.every((l, i) => drawnAs(l) === drawnAs(this.basemap[i]));
    if (!same) {
      for (const id of this.basemapLayerIds) if (this.map.getLayer(id)) this.map.removeLayer(id);
      for (const old of this.basemap)
        if (this.map.getSource(NET_BASEMAP + old.id)) this.map.removeSource(NET_BASEMAP + old.id);
      this.basemapLayerIds = [];
      const firstAbove = this.map.getStyle().layers.find((l) => l.type !== 'background')?.id;
      for (const layer of layers) {
        const { source, layers: styled } = netBasemapStyle(layer, this.dark);
        this.map.addSource(NET_BASEMAP + layer.id, source);
        for (const l of styled) this.map.addLayer(l, firstAbove);
        this.basemapLayerIds.push(...styled.map((l) => l.id));
      }
    }
    this.basemap = layers;
    const datum = basemapDatum(layers);
    if (datum === this.shown.datum) return;
    this.shown = shownDatum(datum);
    // Every feature moves into the new datum: live sources are drawn whole again, nothing glides there.
    for (const live of this.liveSources.values()) live.reset();
    await this.update(this.data);
  }

  /** The datum the overlays are drawn in now (their basemap's). */
  shownDatum(): ShownDatum['datum'] {
    return this.shown.datum;
  }

  /**
   * Draws a local PMTiles/MBTiles basemap (renderer/tiles/local-protocol.ts) right above the background,
   * or takes it away (null); its layers are those of ./local-basemap-layers.ts.
   */
  async setLocalBasemap(local: LocalBasemapLayer | null): Promise<void> {
    await this.loaded;
    if (local?.key === this.localBasemap?.key) return;
    const sourceId = `${NET_BASEMAP}local`;
    for (const id of this.localBasemap?.layers ?? []) if (this.map.getLayer(id)) this.map.removeLayer(id);
    if (this.map.getSource(sourceId)) this.map.removeSource(sourceId);
    this.localBasemap = null;
    if (local === null) return;
    const firstAbove = this.map.getStyle().layers.find((l) => l.type !== 'background')?.id;
    const { source, layers } = localBasemapStyle(local, sourceId, this.dark);
    this.map.addSource(sourceId, source);
    for (const layer of layers) this.map.addLayer(layer, firstAbove);
    const ids = layers.map((l) => l.id);
    this.localBasemap = { key: local.key, layers: ids };
  }

  /**
   * Has the tile worker cut `features` into the tiled source `id`, drawn in `datum`, and points the
   * source at them; an update that a later one overtook while it was cut is dropped unseen.
   */
  private async publish(id: string, features: TiledFeatures, datum: ShownDatum['datum']): Promise<void> {
    const set = this.tileSets.get(id) ?? { epoch: 0 };
    this.tileSets.set(id, set);
    const epoch = ++set.epoch;
    const key = `${this.tileKeyPrefix}.${id}.${epoch}`;
    await publishTiles(key, id, features, set.shown, datum);
    if (epoch !== set.epoch || this.removed) {
      dropTiles(key);
      return;
    }
    set.shown = key;
    this.map.getSource<VectorTileSource>(id)?.setTiles([tileUrl(key)]);
  }

  setVisibility(visible: Readonly<Record<LayerGroup, boolean>>): void {
    for (const group of LAYER_GROUPS) {
      for (const id of LAYER_GROUP_IDS[group]) {
        if (this.map.getLayer(id))
          this.map.setLayoutProperty(id, 'visibility', visible[group] ? 'visible' : 'none');
      }
    }
  }

  /** Shows what is selected (the grid outlined in red), or clears it; each layer shows its own kind. */
  setSelection(selection: MapSelection | null): void {
    for (const m of MAP_LAYERS) if ('showSelection' in m) m.showSelection(this.map, selection);
  }

  fitTownship(animate = true): void {
    if (!this.townshipBounds) return;
    this.map.fitBounds(this.shownBounds(this.townshipBounds), {
      padding: 40,
      animate,
      duration: animate ? 600 : 0,
    });
  }

  /** Eases to a stored WGS84 [lon, lat]. */
  flyTo(lonLat: readonly [number, number], zoom = 16): void {
    this.map.easeTo({ center: [...this.toShown(lonLat)], zoom, duration: 500 });
  }

  /**
   * Frames stored WGS84 positions (a replayed track), at most `maxZoom` close, clear of the panels
   * floating over the map (`padding` in pixels, each side at most 30 % of the canvas); nothing for none.
   */
  fitPositions(
    positions: readonly LonLat[],
    padding: { top: number; right: number; bottom: number; left: number },
    maxZoom = 17,
  ): void {
    if (positions.length === 0) return;
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of positions) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
    const canvas = this.map.getCanvas();
    const [width, height] = [canvas.clientWidth, canvas.clientHeight];
    const fitted = {
      top: Math.min(padding.top, height * 0.3),
      bottom: Math.min(padding.bottom, height * 0.3),
      left: Math.min(padding.left, width * 0.3),
      right: Math.min(padding.right, width * 0.3),
    };
    this.map.fitBounds(this.shownBounds([w, s, e, n]), { padding: fitted, maxZoom, duration: 400 });
  }

  /** Keeps the zoom and puts a stored WGS84 [lon, lat] at the centre of the view (following a replay). */
  centreOn(lonLat: LonLat): void {
    this.map.jumpTo({ center: [...this.toShown(lonLat)] });
  }

  /** Moves the view to a stored WGS84 [lon, lat] at once. */
  jumpTo(lonLat: readonly [number, number], zoom: number): void {
    this.map.jumpTo({ center: [...this.toShown(lonLat)], zoom });
  }

  /**
   * A WGS84 box [w, s, e, n] as the map draws it: its corners shifted (the GCJ-02 offset varies by
   * well under a metre across a township, so the box stays a box).
   */
  private shownBounds([w, s, e, n]: readonly [number, number, number, number]): [
    number,
    number,
    number,
    number,
  ] {
    const [sw0, sw1] = this.toShown([w, s]);
    const [ne0, ne1] = this.toShown([e, n]);
    return [sw0, sw1, ne0, ne1];
  }

  resize(): void {
    this.map.resize();
  }

  remove(): void {
    this.removed = true;
    for (const live of this.liveSources.values()) live.reset();
    for (const set of this.tileSets.values()) if (set.shown !== undefined) dropTiles(set.shown);
    this.map.remove();
  }

  /** Switches what a click does; the cursor follows at once. */
  setMode(mode: MapMode): void {
    this.mode = mode;
    this.map.getCanvas().style.cursor = cursorFor(mode, false);
  }

  /**
   * Outlines the box an offline download covers (stored WGS84; null takes it away), drawn in the
   * basemap's datum: a source and two layers added on first use, on top of the township's layers.
   */
  async setOfflineBox(stored: readonly [number, number, number, number] | null): Promise<void> {
    await this.loaded;
    const box = stored === null ? null : this.shownBounds(stored);
    const data: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features:
        box === null
          ? []
          : [
              {
                type: 'Feature',
                properties: {},
                geometry: {
                  type: 'Polygon',
                  coordinates: [
                    [
                      [box[0], box[1]],
                      [box[2], box[1]],
                      [box[2], box[3]],
                      [box[0], box[3]],
                      [box[0], box[1]],
                    ],
                  ],
                },
              },
            ],
    };
    const source = this.map.getSource<GeoJSONSource>(OFFLINE_BOX);
    if (source !== undefined) return void source.setData(data);
    this.map.addSource(OFFLINE_BOX, { type: 'geojson', data });
    this.map.addLayer({
      id: `${OFFLINE_BOX}-fill`,
      type: 'fill',
      source: OFFLINE_BOX,
      paint: { 'fill-color': '#2563eb', 'fill-opacity': 0.08 },
    });
    this.map.addLayer({
      id: `${OFFLINE_BOX}-line`,
      type: 'line',
      source: OFFLINE_BOX,
      paint: { 'line-color': '#2563eb', 'line-width': 2, 'line-dasharray': [3, 2] },
    });
  }

  /** In `box` mode a press starts a box: the drag draws it (the map does not pan), the release ends it. */
  private startBox(e: MapMouseEvent): void {
    if (this.mode.kind !== 'box') return;
    e.preventDefault();
    this.map.dragPan.disable();
    // Corners as stored WGS84 (the map draws in its basemap's datum).
    const from = this.toStored([e.lngLat.lng, e.lngLat.lat]);
    const boxOf = (at: { lng: number; lat: number }): [number, number, number, number] => {
      const to = this.toStored([at.lng, at.lat]);
      return [
        Math.min(from[0], to[0]),
        Math.min(from[1], to[1]),
        Math.max(from[0], to[0]),
        Math.max(from[1], to[1]),
      ];
    };
    const move = (m: MapMouseEvent): void => void this.setOfflineBox(boxOf(m.lngLat));
    this.map.on('mousemove', move);
    this.map.once('mouseup', (up) => {
      this.map.off('mousemove', move);
      this.map.dragPan.enable();
      const box = boxOf(up.lngLat);
      // A click without a drag draws no box.
      if (box[2] - box[0] > 1e-9 && box[3] - box[1] > 1e-9) this.events.onBox?.(box);
    });
  }

  /** Shows the incident being placed, or clears it. */
  async setPlacement(point: readonly [number, number] | null): Promise<void> {
    await this.update({ placement: point });
  }

  /**
   * Shows the rows of an import about to be committed (empty to clear) and frames them with the township,
   * so points that a wrong coordinate system pushed outside are in view.
   */
  async setImportPreview(points: readonly ImportPreviewPoint[]): Promise<void> {
    await this.update({ importPreview: points });
    if (!this.townshipBounds) return;
    let [w, s, e, n] = this.townshipBounds;
    for (const { location } of points) {
      w = Math.min(w, location[0]);
      e = Math.max(e, location[0]);
      s = Math.min(s, location[1]);
      n = Math.max(n, location[1]);
    }
    this.map.fitBounds(this.shownBounds([w, s, e, n]), { padding: 20, animate: false });
  }

  /** How many preview points the map has drawn in view, inside and outside the township. */
  renderedImportPreview(): { readonly inside: number; readonly outside: number } {
    const drawn = moduleById('importPreview').probe(this.map);
    return { inside: drawn.importPreviewInside, outside: drawn.importPreviewOutside };
  }

  private source(id: string): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(id);
    if (!source) throw new Error(`map source ${id} is missing from the style`);
    return source;
  }

  /** The topmost pickable feature under the pointer, with the rule that picks it. */
  private pick(e: MapMouseEvent): { feature: MapGeoJSONFeature; rule: MapPickRule } | undefined {
    const rules = PICK_RULES.filter(
      (r) => this.map.getLayer(r.layer) && this.map.getLayoutProperty(r.layer, 'visibility') !== 'none',
    );
    const features = this.map.queryRenderedFeatures(e.point, { layers: rules.map((r) => r.layer) });
    for (const rule of rules) {
      const feature = features.find((f) => f.layer.id === rule.layer);
      if (feature) return { feature, rule };
    }
    return undefined;
  }

  private handleMove(e: MapMouseEvent): void {
    this.events.onCursor(this.toStored([e.lngLat.lng, e.lngLat.lat]));
    const hit = this.pick(e);
    this.map.getCanvas().style.cursor = cursorFor(this.mode, hit !== undefined);
    const f = hit?.feature;
    this.setHover(
      f && f.id !== undefined && hit.rule.hover !== false
        ? { source: f.source, id: f.id, ...(f.sourceLayer ? { sourceLayer: f.sourceLayer } : {}) }
        : null,
    );
  }

  private setHover(next: { source: string; sourceLayer?: string; id: string | number } | null): void {
    if (this.hovered && (this.hovered.source !== next?.source || this.hovered.id !== next.id)) {
      this.map.setFeatureState(this.hovered, { hover: false });
    }
    if (next) this.map.setFeatureState(next, { hover: true });
    this.hovered = next;
  }

  private handleClick(e: MapMouseEvent): void {
    switch (this.mode.kind) {
      case 'view':
      case 'box':
        return;
      case 'place':
        return this.events.onPlace(this.toStored([e.lngLat.lng, e.lngLat.lat]));
      case 'select': {
        const hit = this.pick(e);
        return this.events.onSelect(hit ? hit.rule.select(hit.feature, this.map) : null);
      }
    }
  }
}
