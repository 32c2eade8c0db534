import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { PatrolArea, Team } from '../../../shared/model/organisation';
import { asGeoJson } from '../../../shared/model/geo';
import { LABEL_FONT, MAP_THEMES, type MapTheme } from '../palette';
import { defineMapLayer, distinctRendered } from '../layer-module';

export const PATROL_AREAS_SOURCE = 'patrol-areas';
export const PATROL_AREA_FILL_LAYER = 'patrol-areas-fill';

/** Patrol areas coloured by their team; the label names the area and the team. */
export function patrolAreaFeatures(areas: readonly PatrolArea[], teams: readonly Team[]): FeatureCollection {
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      properties: {
        id: a.id,
        name: a.name,
        teamId: a.teamId,
        color: a.color,
        label: `${a.name}\n${teamName.get(a.teamId) ?? ''}`,
      },
      geometry: asGeoJson(a.geometry),
    })),
  };
}

export function patrolAreasSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' };
}

export function patrolAreaLayers(theme: MapTheme = MAP_THEMES.light): LayerSpecification[] {
  return [
    {
      id: PATROL_AREA_FILL_LAYER,
      type: 'fill',
      source: PATROL_AREAS_SOURCE,
      paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.16 },
    },
    {
      id: 'patrol-areas-outline',
      type: 'line',
      source: PATROL_AREAS_SOURCE,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['get', 'color'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2, 16, 4],
        'line-opacity': 0.9,
      },
    },
    {
      id: 'patrol-areas-label',
      type: 'symbol',
      source: PATROL_AREAS_SOURCE,
      maxzoom: 13.5,
      layout: {
        'text-font': LABEL_FONT,
        'text-field': ['get', 'label'],
        'text-size': 15,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': ['get', 'color'], 'text-halo-color': theme.halo, 'text-halo-width': 2 },
    },
  ];
}

/** The patrol areas (巡区), coloured by team, outlined over every fill and labelled with area and team. */
export const patrolAreasLayer = defineMapLayer({
  id: 'patrolAreas',
  order: 1,
  toggle: true,
  sources: () => ({ [PATROL_AREAS_SOURCE]: patrolAreasSource() }),
  layers: patrolAreaLayers,
  band: (l) => (l.id === 'patrol-areas-outline' ? 'edge' : l.type === 'symbol' ? 'label' : 'ground'),
  reads: ['patrolAreas', 'teams'],
  update: (d) => ({ [PATROL_AREAS_SOURCE]: patrolAreaFeatures(d.patrolAreas, d.teams) }),
  pick: [
    {
      layer: PATROL_AREA_FILL_LAYER,
      select: (f) => ({ kind: 'patrolArea', id: String(f.properties.id) }),
    },
  ],
  probe: (map) => ({ patrolAreas: distinctRendered(map, PATROL_AREA_FILL_LAYER, 'id') }),
});
