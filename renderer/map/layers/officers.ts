import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import { OFFICER_STATUSES, type Officer, type OfficerStatus } from '../../../shared/model/organisation';
import { LABEL_FONT, MAP_THEMES, OFFICER_STATUS_COLORS, type MapTheme } from '../palette';
import { defineMapLayer, distinctRendered } from '../layer-module';

export const OFFICERS_SOURCE = 'officers';
export const OFFICER_ICON_LAYER = 'officers-icon';

/** Officers with a reported position; those without one are listed in panels, not drawn. */
export function officerFeatures(officers: readonly Officer[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: officers.flatMap((o) =>
      o.position
        ? [
            {
              type: 'Feature' as const,
              properties: { id: o.id, name: o.name, status: o.status, kind: o.kind, teamId: o.teamId },
              geometry: { type: 'Point' as const, coordinates: [...o.position] },
            },
          ]
        : [],
    ),
  };
}

export function officersSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' };
}

const iconName = (status: OfficerStatus, kind: Officer['kind']): string => `officer-${status}-${kind}`;

/**
 * Draws the officer icons (a badge per status; certified officers solid, auxiliary staff hollow) into
 * the map's image sprite, so the style needs no sprite download.
 */
export function addOfficerIcons(map: MapLibreMap, pixelRatio: number): void {
  const size = Math.round(26 * pixelRatio);
  // One canvas for every icon, kept in memory (willReadFrequently): reading a GPU canvas back took
  // 180 ms of the first map's frame under software WebGL, one readback per icon.
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  for (const status of OFFICER_STATUSES) {
    for (const kind of ['certified', 'auxiliary'] as const) {
      const name = iconName(status, kind);
      if (map.hasImage(name)) continue;
      ctx.clearRect(0, 0, size, size);
      const r = size / 2 - 2 * pixelRatio;
      const color = OFFICER_STATUS_COLORS[status];
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, r, 0, Math.PI * 2);
      ctx.fillStyle = kind === 'certified' ? color : '#ffffff';
      ctx.fill();
      ctx.lineWidth = 2.5 * pixelRatio;
      ctx.strokeStyle = kind === 'certified' ? '#ffffff' : color;
      ctx.stroke();
      // A person glyph: head and shoulders.
      ctx.fillStyle = kind === 'certified' ? '#ffffff' : color;
      ctx.beginPath();
      ctx.arc(size / 2, size * 0.38, size * 0.13, 0, Math.PI * 2);
      ctx.fill();
      ctx.beginPath();
      ctx.ellipse(size / 2, size * 0.72, size * 0.22, size * 0.14, 0, Math.PI, 0);
      ctx.fill();
      map.addImage(name, ctx.getImageData(0, 0, size, size), { pixelRatio });
    }
  }
}

export function officerLayers(theme: MapTheme = MAP_THEMES.light): LayerSpecification[] {
  return [
    {
      id: OFFICER_ICON_LAYER,
      type: 'symbol',
      source: OFFICERS_SOURCE,
      layout: {
        'icon-image': ['concat', 'officer-', ['get', 'status'], '-', ['get', 'kind']],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 11, 0.8, 16, 1.1],
      },
    },
    {
      id: 'officers-label',
      type: 'symbol',
      source: OFFICERS_SOURCE,
      minzoom: 14,
      layout: {
        'text-font': LABEL_FONT,
        'text-field': ['get', 'name'],
        'text-size': 11,
        'text-offset': [0, 1.5],
        'text-anchor': 'top',
      },
      paint: { 'text-color': theme.officerLabel, 'text-halo-color': theme.halo, 'text-halo-width': 1.4 },
    },
  ];
}

/** The officers with a reported position, as status badges, above the cases. */
export const officersLayer = defineMapLayer({
  id: 'officers',
  order: 4,
  toggle: true,
  sources: () => ({ [OFFICERS_SOURCE]: officersSource() }),
  layers: officerLayers,
  band: () => 'overlay',
  reads: ['officers'],
  update: (d) => ({ [OFFICERS_SOURCE]: officerFeatures(d.officers) }),
  // Redrawn with every batch of fixes: sent as diffs, badges gliding to their new places in view.
  live: [OFFICERS_SOURCE],
  pick: [{ layer: OFFICER_ICON_LAYER, select: (f) => ({ kind: 'officer', id: String(f.properties.id) }) }],
  probe: (map) => ({ officers: distinctRendered(map, OFFICER_ICON_LAYER, 'id') }),
  prepare: (map) => addOfficerIcons(map, window.devicePixelRatio || 1),
});
