import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { Officer } from '../../../shared/model/organisation';
import { UNIT_STATUSES, type UnitState, type UnitStatus } from '../../../shared/positions/unit-status';
import { LABEL_FONT, MAP_THEMES, UNIT_STATUS_COLORS, type MapTheme } from '../palette';
import { defineMapLayer, distinctRendered } from '../layer-module';

export const OFFICERS_SOURCE = 'officers';
export const OFFICER_ICON_LAYER = 'officers-icon';

/**
 * Officers with a reported position; those without one are listed in panels, not drawn. Each carries
 * its roster `status` and its unit status as `display` (the badge drawn: 空闲, 处置中, 离线, 未在岗), from
 * `states` (stores/units.ts); an officer missing there shows as off duty or 空闲 by the roster.
 */
export function officerFeatures(
  officers: readonly Officer[],
  states: ReadonlyMap<string, UnitState> = new Map(),
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: officers.flatMap((o) =>
      o.position
        ? [
            {
              type: 'Feature' as const,
              properties: {
                id: o.id,
                name: o.name,
                status: o.status,
                display: states.get(o.id)?.status ?? (o.status === 'off-duty' ? 'offDuty' : 'idle'),
                kind: o.kind,
                teamId: o.teamId,
              },
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

const iconName = (status: UnitStatus, kind: Officer['kind']): string => `officer-${status}-${kind}`;

/**
 * Draws the officer icons into the map's image sprite, so the style needs no sprite download: a badge
 * per unit status in its colour (palette.ts), certified officers solid and auxiliary staff hollow; a
 * 离线 badge, whichever the kind, is pale with a dashed grey ring and a slash across it, so it reads
 * as "not heard from" without telling colours apart.
 */
export function addOfficerIcons(map: MapLibreMap, pixelRatio: number): void {
  const size = Math.round(26 * pixelRatio);
  // One canvas for every icon, kept in memory (willReadFrequently): reading a GPU canvas back took
  // 180 ms of the first map's frame under software WebGL, one readback per icon.
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  for (const status of UNIT_STATUSES) {
    for (const kind of ['certified', 'auxiliary'] as const) {
      const name = iconName(status, kind);
      if (map.hasImage(name)) continue;
      ctx.clearRect(0, 0, size, size);
      const r = size / 2 - 2 * pixelRatio;
      const color = UNIT_STATUS_COLORS[status];
      const offline = status === 'offline';
      const solid = kind === 'certified' && !offline;
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, r, 0, Math.PI * 2);
      ctx.fillStyle = solid ? color : offline && kind === 'certified' ? '#e5e7eb' : '#ffffff';
      ctx.fill();
      ctx.lineWidth = 2.5 * pixelRatio;
      ctx.strokeStyle = solid ? '#ffffff' : color;
      ctx.setLineDash(offline ? [3 * pixelRatio, 2 * pixelRatio] : []);
      ctx.stroke();
      ctx.setLineDash([]);
      // A person glyph: head and shoulders.
      ctx.fillStyle = solid ? '#ffffff' : color;
      ctx.beginPath();
      ctx.arc(size / 2, size * 0.38, size * 0.13, 0, Math.PI * 2);
      ctx.fill();
      ctx.beginPath();
      ctx.ellipse(size / 2, size * 0.72, size * 0.22, size * 0.14, 0, Math.PI, 0);
      ctx.fill();
      if (offline) {
        // The slash: "no signal", drawn over a white casing so it shows on the glyph.
        for (const [width, stroke] of [
          [3.5, '#ffffff'],
          [1.8, color],
        ] as const) {
          ctx.beginPath();
          ctx.moveTo(size * 0.27, size * 0.73);
          ctx.lineTo(size * 0.73, size * 0.27);
          ctx.lineWidth = width * pixelRatio;
          ctx.strokeStyle = stroke;
          ctx.stroke();
        }
      }
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
        'icon-image': ['concat', 'officer-', ['get', 'display'], '-', ['get', 'kind']],
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

/** The officers with a reported position, as unit-status badges, above the cases. */
export const officersLayer = defineMapLayer({
  id: 'officers',
  order: 4,
  toggle: true,
  sources: () => ({ [OFFICERS_SOURCE]: officersSource() }),
  layers: officerLayers,
  band: () => 'overlay',
  reads: ['officers', 'unitStates'],
  update: (d) => ({ [OFFICERS_SOURCE]: officerFeatures(d.officers, d.unitStates) }),
  // Redrawn with every batch of fixes: sent as diffs, badges gliding to their new places in view.
  live: [OFFICERS_SOURCE],
  pick: [{ layer: OFFICER_ICON_LAYER, select: (f) => ({ kind: 'officer', id: String(f.properties.id) }) }],
  probe: (map) => ({ officers: distinctRendered(map, OFFICER_ICON_LAYER, 'id') }),
  prepare: (map) => addOfficerIcons(map, window.devicePixelRatio || 1),
});
