import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { LABEL_FONT, MAP_THEMES, type MapTheme } from '../palette';
import {
  defineMapLayer,
  distinctRendered,
  type PlaybackMarker,
  type PlaybackTrackView,
} from '../layer-module';

export const PLAYBACK_TRACK_SOURCE = 'playback-track';
export const PLAYBACK_MARKER_SOURCE = 'playback-marker';
export const PLAYBACK_LINE_LAYER = 'playback-track-line';
export const PLAYBACK_TICK_LAYER = 'playback-tick';
export const PLAYBACK_TICK_LABEL_LAYER = 'playback-tick-label';
export const PLAYBACK_MARKER_LAYER = 'playback-marker';

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** A playback's tracks as lines (each unbroken stretch of two points or more) and its time ticks. */
export function playbackTrackFeatures(view: PlaybackTrackView | null): FeatureCollection {
  if (view === null) return empty();
  const lines: Feature[] = view.tracks.flatMap((track) =>
    track.segments
      .filter((segment) => segment.length >= 2)
      .map((segment) => ({
        type: 'Feature' as const,
        properties: { kind: 'line', officerId: track.officerId, colour: track.colour },
        geometry: { type: 'LineString' as const, coordinates: segment.map((p) => [p[0], p[1]]) },
      })),
  );
  const ticks: Feature[] = view.ticks.map((tick) => ({
    type: 'Feature' as const,
    properties: {
      kind: 'tick',
      tickId: `${tick.officerId}@${tick.at}`,
      officerId: tick.officerId,
      colour: tick.colour,
      label: tick.label,
      at: tick.at,
    },
    geometry: { type: 'Point' as const, coordinates: [tick.position[0], tick.position[1]] },
  }));
  return { type: 'FeatureCollection', features: [...lines, ...ticks] };
}

/** The replayed officers where they are at the replay's time. */
export function playbackMarkerFeatures(markers: readonly PlaybackMarker[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: markers.map((m) => ({
      type: 'Feature' as const,
      properties: { officerId: m.officerId, name: m.name, colour: m.colour, stale: m.stale },
      geometry: { type: 'Point' as const, coordinates: [m.position[0], m.position[1]] },
    })),
  };
}

const geojson = (): SourceSpecification => ({ type: 'geojson', data: empty() });

function trackLayers(theme: MapTheme = MAP_THEMES.light): LayerSpecification[] {
  return [
    {
      id: 'playback-track-casing',
      type: 'line',
      source: PLAYBACK_TRACK_SOURCE,
      filter: ['==', ['get', 'kind'], 'line'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': theme.halo, 'line-width': 7, 'line-opacity': 0.85 },
    },
    {
      id: PLAYBACK_LINE_LAYER,
      type: 'line',
      source: PLAYBACK_TRACK_SOURCE,
      filter: ['==', ['get', 'kind'], 'line'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 3.5 },
    },
    {
      id: PLAYBACK_TICK_LAYER,
      type: 'circle',
      source: PLAYBACK_TRACK_SOURCE,
      filter: ['==', ['get', 'kind'], 'tick'],
      paint: {
        'circle-radius': 3.5,
        'circle-color': theme.halo,
        'circle-stroke-color': ['get', 'colour'],
        'circle-stroke-width': 2,
      },
    },
    {
      id: PLAYBACK_TICK_LABEL_LAYER,
      type: 'symbol',
      source: PLAYBACK_TRACK_SOURCE,
      filter: ['==', ['get', 'kind'], 'tick'],
      layout: {
        'text-font': LABEL_FONT,
        'text-field': ['get', 'label'],
        'text-size': 11,
        'text-anchor': 'left',
        'text-offset': [0.7, 0],
        'text-padding': 1,
      },
      paint: {
        'text-color': ['get', 'colour'],
        'text-halo-color': theme.halo,
        'text-halo-width': 1.6,
      },
    },
  ];
}

function markerLayers(theme: MapTheme = MAP_THEMES.light): LayerSpecification[] {
  const faded: ExpressionSpecification = ['case', ['get', 'stale'], 0.45, 1];
  return [
    {
      id: 'playback-marker-halo',
      type: 'circle',
      source: PLAYBACK_MARKER_SOURCE,
      paint: { 'circle-radius': 14, 'circle-color': ['get', 'colour'], 'circle-opacity': 0.22 },
    },
    {
      id: PLAYBACK_MARKER_LAYER,
      type: 'circle',
      source: PLAYBACK_MARKER_SOURCE,
      paint: {
        'circle-radius': 7,
        'circle-color': ['get', 'colour'],
        'circle-opacity': faded,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2.5,
        'circle-stroke-opacity': faded,
      },
    },
    {
      id: 'playback-marker-label',
      type: 'symbol',
      source: PLAYBACK_MARKER_SOURCE,
      layout: {
        'text-font': LABEL_FONT,
        'text-field': ['get', 'name'],
        'text-size': 12,
        'text-anchor': 'bottom',
        'text-offset': [0, -1.1],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': theme.officerLabel, 'text-halo-color': theme.halo, 'text-halo-width': 1.6 },
    },
  ];
}

/**
 * The tracks of a playback (轨迹回放): a line per officer in their colour, with time ticks. Above the
 * officers' live badges, below the incident being placed and an import's preview.
 */
export const playbackTrackLayer = defineMapLayer({
  id: 'playbackTrack',
  order: 4.5,
  toggle: false,
  sources: () => ({ [PLAYBACK_TRACK_SOURCE]: geojson() }),
  layers: trackLayers,
  band: () => 'overlay',
  reads: ['playback'],
  update: (d) => ({ [PLAYBACK_TRACK_SOURCE]: playbackTrackFeatures(d.playback) }),
  probe: (map) => ({
    playbackTracks: distinctRendered(map, PLAYBACK_LINE_LAYER, 'officerId'),
    playbackTicks: distinctRendered(map, PLAYBACK_TICK_LAYER, 'tickId'),
  }),
});

/**
 * The replayed officers moving along their tracks. Its own module so that a frame of the replay
 * sets only this small source, never the tracks.
 */
export const playbackMarkerLayer = defineMapLayer({
  id: 'playbackMarker',
  order: 4.6,
  toggle: false,
  sources: () => ({ [PLAYBACK_MARKER_SOURCE]: geojson() }),
  layers: markerLayers,
  band: () => 'overlay',
  reads: ['playbackMarkers'],
  update: (d) => ({ [PLAYBACK_MARKER_SOURCE]: playbackMarkerFeatures(d.playbackMarkers) }),
  probe: (map) => ({ playbackMarkers: distinctRendered(map, PLAYBACK_MARKER_LAYER, 'officerId') }),
});
