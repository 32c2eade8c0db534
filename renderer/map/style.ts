import type { FontFacesSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { MAP_THEMES, type MapTheme } from './palette';
import { BASEMAP_LAYER_IDS, BASEMAP_SOURCE, basemapLayers, basemapSource } from './layers/basemap';
import { GRIDS_SOURCE, GRID_LAYER_IDS, gridLayers, gridsSource } from './layers/grids';
import {
  PATROL_AREAS_SOURCE,
  PATROL_AREA_LAYER_IDS,
  patrolAreaLayers,
  patrolAreasSource,
} from './layers/patrol-areas';
import { OFFICERS_SOURCE, OFFICER_LAYER_IDS, officerLayers, officersSource } from './layers/officers';
import { CASES_SOURCE, CASE_LAYER_IDS, caseLayers, casesSource } from './layers/cases';
import { PLACEMENT_SOURCE, placementLayers, placementSource } from './layers/placement';
import { IMPORT_PREVIEW_SOURCE, importPreviewLayers, importPreviewSource } from './layers/import-preview';

/** The toggles of the layer panel; each names a group of style layers. */
export const LAYER_GROUPS = ['basemap', 'patrolAreas', 'grids', 'cases', 'officers'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const LAYER_GROUP_IDS: Readonly<Record<LayerGroup, readonly string[]>> = {
  basemap: BASEMAP_LAYER_IDS,
  patrolAreas: PATROL_AREA_LAYER_IDS,
  grids: GRID_LAYER_IDS,
  cases: CASE_LAYER_IDS,
  officers: OFFICER_LAYER_IDS,
};

/**
 * The offline default style: a plain background and the township's own geography, then the command
 * layers. No tiles, no sprite and no glyphs URL, so it renders with no network at all. `fontFaces`
 * (the app's CJK webfont, renderer/fonts/cjk-font.ts) draws the labels where no local CJK font exists.
 */
export function offlineStyle(
  theme: MapTheme = MAP_THEMES.light,
  fontFaces?: FontFacesSpecification,
): StyleSpecification {
  const layers = [
    ...basemapLayers(theme),
    ...patrolAreaLayers(theme),
    ...gridLayers(theme),
    ...caseLayers(theme),
    ...officerLayers(theme),
    ...placementLayers(),
    ...importPreviewLayers(),
  ];
  // Labels above all fills and lines, command symbols on top.
  const order = (l: LayerSpecification): number => {
    if (l.id.startsWith('placement') || l.id.startsWith('import-preview')) return 5;
    if (l.id.startsWith('officers')) return 4;
    if (l.id.startsWith('cases')) return 3;
    if (l.type === 'symbol') return 2;
    if (l.id === 'patrol-areas-outline' || l.id === 'grids-selected') return 1;
    return 0;
  };
  const sorted = layers
    .map((l, i) => ({ l, i }))
    .sort((a, b) => order(a.l) - order(b.l) || a.i - b.i)
    .map((e) => e.l);
  return {
    version: 8,
    name: 'GridDesk offline',
    ...(fontFaces === undefined ? {} : { 'font-faces': fontFaces }),
    sources: {
      [BASEMAP_SOURCE]: basemapSource(),
      [PATROL_AREAS_SOURCE]: patrolAreasSource(),
      [GRIDS_SOURCE]: gridsSource(),
      [CASES_SOURCE]: casesSource(),
      [OFFICERS_SOURCE]: officersSource(),
      [PLACEMENT_SOURCE]: placementSource(),
      [IMPORT_PREVIEW_SOURCE]: importPreviewSource(),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': theme.basemap.background } },
      ...sorted,
    ],
  };
}
