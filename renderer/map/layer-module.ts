import type { Feature, FeatureCollection } from 'geojson';
import type {
  LayerSpecification,
  Map as MapLibreMap,
  MapGeoJSONFeature,
  SourceSpecification,
} from 'maplibre-gl';
import type { Case } from '../../shared/model/case';
import type { LonLat } from '../../shared/model/geo';
import type { TownshipDataset } from '../../shared/model/dataset';
import type { UnitState } from '../../shared/positions/unit-status';
import type { MapTheme } from './palette';

/** A tiled source's features as pieces: `count` of them, `slice(from, to)` builds those in [from, to). */
export interface TiledFeatures {
  readonly count: number;
  slice(from: number, to: number): Feature[];
}

/** What the user picked on the map; the details panel shows it. */
export type MapSelection =
  | { readonly kind: 'grid'; readonly id: string }
  | { readonly kind: 'patrolArea'; readonly id: string }
  | { readonly kind: 'officer'; readonly id: string }
  | { readonly kind: 'case'; readonly id: string }
  | { readonly kind: 'cluster'; readonly count: number };

/** One row of an import being previewed: where it would land (WGS84) and whether that is in the township. */
export interface ImportPreviewPoint {
  /** The source row number, as the operator sees it in Excel. */
  readonly row: number;
  readonly location: LonLat;
  readonly inside: boolean;
}

/** The tracks a playback shows (轨迹回放, stores/playback.ts): lines broken at gaps, and time ticks. */
export interface PlaybackTrackView {
  readonly tracks: readonly {
    readonly officerId: string;
    /** The officer's colour in this playback (CSS hex). */
    readonly colour: string;
    /** Unbroken stretches of WGS84 lon/lat; a stretch of one point draws no line. */
    readonly segments: readonly (readonly LonLat[])[];
  }[];
  readonly ticks: readonly {
    readonly officerId: string;
    readonly colour: string;
    /** Epoch ms. */
    readonly at: number;
    readonly position: LonLat;
    /** The tick's time as the centre reads it (HH:mm). */
    readonly label: string;
  }[];
}

/** Where a replayed officer is at the replay's time. */
export interface PlaybackMarker {
  readonly officerId: string;
  readonly name: string;
  readonly colour: string;
  readonly position: LonLat;
  /** Last seen more than a gap ago (drawn faded). */
  readonly stale: boolean;
}

/**
 * Everything the map can draw, as plain data: the township's geography and organisation, the open cases,
 * the incident being placed, the import rows being previewed and a track playback. The controller keeps the latest of each
 * part and hands it to the layers that read it.
 */
export type MapLayerData = Pick<
  TownshipDataset,
  'township' | 'basemap' | 'grids' | 'patrolAreas' | 'teams' | 'officers'
> & {
  readonly openCases: readonly Case[];
  /** Ids of the open cases whose running clock is overdue (ringed in red). */
  readonly overdue: ReadonlySet<string>;
  /** Each officer's unit status (空闲/处置中/离线/未在岗, stores/units.ts), by officer id. */
  readonly unitStates: ReadonlyMap<string, UnitState>;
  /** The incident being placed (WGS84 lon/lat), or null. */
  readonly placement: readonly [number, number] | null;
  readonly importPreview: readonly ImportPreviewPoint[];
  /** The tracks of the playback open now, or null. */
  readonly playback: PlaybackTrackView | null;
  /** The replayed officers at the replay's time (changes every frame while it plays). */
  readonly playbackMarkers: readonly PlaybackMarker[];
};

/**
 * Where a style layer sits among all the others. The style draws bands bottom to top (`ground` fills and
 * lines, `edge` outlines drawn over every fill, `label` text over all geometry, `overlay` command symbols on
 * top); inside a band, layers follow their module's `order`, then their place in the module.
 */
export const MAP_BANDS = ['ground', 'edge', 'label', 'overlay'] as const;
export type MapBand = (typeof MAP_BANDS)[number];

/** What a click or hover on one style layer picks. */
export interface MapPickRule {
  /** The style layer whose rendered features are picked. */
  readonly layer: string;
  /** The selection a click on `feature` makes; it may also move the map (a cluster zooms in). */
  select(feature: MapGeoJSONFeature, map: MapLibreMap): MapSelection;
  /** Whether hovering highlights the feature (feature-state `hover`); default true. */
  readonly hover?: boolean;
}

/**
 * One map layer, declared once: its sources and their data, its style layers, where they stack, what a
 * click on it selects and what the diagnostic probe reports about it. The style, the controller and the
 * probe iterate the registry (`renderer/map/registry.ts`); a new layer is one more module there.
 */
export interface MapLayerModule<
  Id extends string = string,
  Counts extends Readonly<Record<string, number>> = Readonly<Record<string, number>>,
> {
  readonly id: Id;
  /** Stacking among the modules inside a band, and (reversed) the pick order: higher is on top. Unique. */
  readonly order: number;
  /** Whether the layer panel offers a switch for it (its id names the switch and its i18n label). */
  readonly toggle: boolean;
  /** Fresh specifications of the sources it owns, keyed by source id. */
  sources(): Readonly<Record<string, SourceSpecification>>;
  /** Its style layers, in the theme's colours (light workstation, dark wall). */
  layers(theme: MapTheme): readonly LayerSpecification[];
  /** The band of one of its style layers; default: `label` for symbols, else `ground`. */
  band?(layer: LayerSpecification): MapBand;
  /** The parts of {@link MapLayerData} its sources are made from; a change to one of them redraws it. */
  readonly reads: readonly (keyof MapLayerData)[];
  /** Its sources' data from the current map data, keyed by source id. */
  update(data: MapLayerData): Readonly<Record<string, FeatureCollection>>;
  /**
   * Its sources that are vector tiles cut off the UI thread (tiles/tile-client.ts), for data too large
   * to hand to a GeoJSON source: each a `vector` source whose one layer is named as the source, its
   * features (those `update` gives) built and sent piece by piece, so the UI thread never builds or
   * copies them all in one task. A module with tiled sources has no others.
   */
  readonly tiled?: Readonly<Record<string, (data: MapLayerData) => TiledFeatures>>;
  /**
   * Its GeoJSON sources drawn live (officers' positions, redrawn with every batch of fixes): each is
   * keyed by its `promoteId` and sent to the map as diffs of what changed (`updateData`), its moved
   * points gliding where they are in view (live-source.ts), instead of replaced whole by `setData`.
   */
  readonly live?: readonly string[];
  /** Pick rules, topmost first; absent when a click on it selects nothing. */
  readonly pick?: readonly MapPickRule[];
  /** Shows the current selection on its style layers (or clears it when the selection is not its own). */
  showSelection?(map: MapLibreMap, selection: MapSelection | null): void;
  /** What it has rendered in view, read back from the map (distinct things, not features). */
  probe?(map: MapLibreMap): Counts;
  /** Work on a map before it draws the layer (e.g. images its symbols use); run on load and on a missing image. */
  prepare?(map: MapLibreMap): void;
}

/**
 * Declares a layer module, checked against {@link MapLayerModule} but keeping its own type (literal id,
 * whether it toggles, its probe's keys), from which the registry derives the layer groups and the counts.
 */
export function defineMapLayer<const M extends MapLayerModule>(module: M): M {
  return module;
}

/** How many distinct values of `key` the rendered features of a style layer carry (0 if it is absent). */
export function distinctRendered(map: MapLibreMap, layer: string, key: string): number {
  if (!map.getLayer(layer)) return 0;
  return new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties[key])).size;
}
