import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Grid } from '../../../shared/model/organisation';
import { asGeoJson } from '../../../shared/model/geo';
import { LABEL_FONT, MAP_THEMES, type MapTheme } from '../palette';
import { defineMapLayer, distinctRendered } from '../layer-module';
import { tileUrl } from '../tiles/tile-url';
import { TILE_MAX_ZOOM } from '../tiles/tile-zoom';

export const GRIDS_SOURCE = 'grids';
export const GRID_FILL_LAYER = 'grids-fill';
export const GRID_SELECTED_LAYER = 'grids-selected';

/** Grid polygons keyed by code; feature-state `hover` and the `selected` filter highlight them. */
export function gridFeatures(grids: readonly Grid[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: grids.map((g) => ({
      type: 'Feature',
      properties: { code: g.code, name: g.name, patrolAreaId: g.patrolAreaId, shortCode: g.code.slice(9) },
      geometry: asGeoJson(g.geometry),
    })),
  };
}

/**
 * Vector tiles cut in the tile worker (tiles/tile-client.ts), one layer named as the source: a street
 * office's 200,000 grid polygons handed to a GeoJSON source would be copied on the UI thread for
 * seconds. Empty until the controller publishes the grids.
 */
export function gridsSource(): SourceSpecification {
  return { type: 'vector', tiles: [tileUrl('empty')], maxzoom: TILE_MAX_ZOOM, promoteId: 'code' };
}

export function gridLayers(theme: MapTheme = MAP_THEMES.light): LayerSpecification[] {
  const GRID_COLORS = theme.grid;
  return [
    {
      id: GRID_FILL_LAYER,
      type: 'fill',
      source: GRIDS_SOURCE,
      'source-layer': GRIDS_SOURCE,
      paint: {
        'fill-color': GRID_COLORS.hoverFill,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.45, 0.01],
      },
    },
    {
      id: 'grids-outline',
      type: 'line',
      source: GRIDS_SOURCE,
      'source-layer': GRIDS_SOURCE,
      paint: {
        'line-color': GRID_COLORS.outline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.4, 16, 1.4],
        'line-opacity': 0.75,
        'line-dasharray': [3, 2],
      },
    },
    {
      id: GRID_SELECTED_LAYER,
      type: 'line',
      source: GRIDS_SOURCE,
      'source-layer': GRIDS_SOURCE,
      filter: ['==', ['get', 'code'], ''],
      paint: { 'line-color': GRID_COLORS.selectedOutline, 'line-width': 3 },
    },
    {
      id: 'grids-label',
      type: 'symbol',
      source: GRIDS_SOURCE,
      'source-layer': GRIDS_SOURCE,
      minzoom: 13.5,
      layout: {
        'text-font': LABEL_FONT,
        'text-field': ['step', ['zoom'], ['get', 'shortCode'], 15, ['get', 'code']],
        'text-size': 11,
        'text-allow-overlap': false,
      },
      paint: { 'text-color': GRID_COLORS.label, 'text-halo-color': theme.halo, 'text-halo-width': 1.4 },
    },
  ];
}

/** The grids (网格): a faint fill that lights up on hover, dashed outlines, the selected one in red. */
export const gridsLayer = defineMapLayer({
  id: 'grids',
  order: 2,
  toggle: true,
  sources: () => ({ [GRIDS_SOURCE]: gridsSource() }),
  layers: gridLayers,
  band: (l) => (l.id === GRID_SELECTED_LAYER ? 'edge' : l.type === 'symbol' ? 'label' : 'ground'),
  reads: ['grids'],
  update: (d) => ({ [GRIDS_SOURCE]: gridFeatures(d.grids) }),
  tiled: {
    [GRIDS_SOURCE]: (d) => ({
      count: d.grids.length,
      slice: (from, to) => gridFeatures(d.grids.slice(from, to)).features,
    }),
  },
  pick: [{ layer: GRID_FILL_LAYER, select: (f) => ({ kind: 'grid', id: String(f.properties.code) }) }],
  // The selected grid is outlined in red.
  showSelection: (map, selection) => {
    if (!map.getLayer(GRID_SELECTED_LAYER)) return;
    const code = selection?.kind === 'grid' ? selection.id : '';
    map.setFilter(GRID_SELECTED_LAYER, ['==', ['get', 'code'], code]);
  },
  probe: (map) => ({ grids: distinctRendered(map, GRID_FILL_LAYER, 'code') }),
});
