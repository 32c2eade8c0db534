import { basemapLayer } from './layers/basemap';
import { patrolAreasLayer } from './layers/patrol-areas';
import { gridsLayer } from './layers/grids';
import { casesLayer } from './layers/cases';
import { officersLayer } from './layers/officers';
import { placementLayer } from './layers/placement';
import { importPreviewLayer } from './layers/import-preview';
import { playbackMarkerLayer, playbackTrackLayer } from './layers/playback';
import type { MapPickRule } from './layer-module';
import { MAP_THEMES } from './palette';

/**
 * Every map layer, bottom to top. The style, the controller (data, picking, visibility) and the probe
 * iterate this list; a new layer (live positions, zone editing, another basemap) is one more entry.
 */
export const MAP_LAYERS = [
  basemapLayer,
  patrolAreasLayer,
  gridsLayer,
  casesLayer,
  officersLayer,
  playbackTrackLayer,
  playbackMarkerLayer,
  placementLayer,
  importPreviewLayer,
] as const;

export type MapLayer = (typeof MAP_LAYERS)[number];
export type MapLayerId = MapLayer['id'];

/** The layer panel's switches, in the order it lists them; each names a layer module. */
export type LayerGroup = Extract<MapLayer, { readonly toggle: true }>['id'];
export const LAYER_GROUPS: readonly LayerGroup[] = MAP_LAYERS.filter(
  (m): m is Extract<MapLayer, { readonly toggle: true }> => m.toggle,
).map((m) => m.id);

/** The style layer ids each switch shows or hides. */
export const LAYER_GROUP_IDS: Readonly<Record<LayerGroup, readonly string[]>> = Object.fromEntries(
  LAYER_GROUPS.map((group) => [
    group,
    moduleById(group)
      .layers(MAP_THEMES.light)
      .map((l) => l.id),
  ]),
) as unknown as Record<LayerGroup, readonly string[]>;

/** The module with this id. */
export function moduleById<Id extends MapLayerId>(id: Id): Extract<MapLayer, { readonly id: Id }> {
  const module = MAP_LAYERS.find((m) => m.id === id);
  if (!module) throw new Error(`map layer ${id} is not registered`);
  return module as Extract<MapLayer, { readonly id: Id }>;
}

/** Pick rules of all layers, topmost first: the module on top wins, then its own rule order. */
export const PICK_RULES: readonly MapPickRule[] = [...MAP_LAYERS]
  .sort((a, b) => b.order - a.order)
  .flatMap((m): readonly MapPickRule[] => ('pick' in m ? m.pick : []));

type Probed = Extract<MapLayer, { probe: unknown }>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
/** What every layer's probe reports, merged: the keys come from the modules' `probe` functions. */
export type RenderedCounts = UnionToIntersection<ReturnType<Probed['probe']>>;
