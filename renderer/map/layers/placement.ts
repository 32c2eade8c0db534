import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { defineMapLayer } from '../layer-module';

export const PLACEMENT_SOURCE = 'placement';

/** The incident the operator is placing: one point, or nothing. */
export function placementFeatures(point: readonly [number, number] | null): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: point
      ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [...point] } }]
      : [],
  };
}

export function placementSource(): SourceSpecification {
  return { type: 'geojson', data: placementFeatures(null) };
}

export function placementLayers(): LayerSpecification[] {
  return [
    {
      id: 'placement-halo',
      type: 'circle',
      source: PLACEMENT_SOURCE,
      paint: {
        'circle-radius': 18,
        'circle-color': '#dc2626',
        'circle-opacity': 0.18,
        'circle-stroke-color': '#dc2626',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'placement-point',
      type: 'circle',
      source: PLACEMENT_SOURCE,
      paint: {
        'circle-radius': 6,
        'circle-color': '#dc2626',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}

/** The incident being placed, a red dot in a halo above everything. */
export const placementLayer = defineMapLayer({
  id: 'placement',
  order: 5,
  toggle: false,
  sources: () => ({ [PLACEMENT_SOURCE]: placementSource() }),
  layers: placementLayers,
  band: () => 'overlay',
  reads: ['placement'],
  update: (d) => ({ [PLACEMENT_SOURCE]: placementFeatures(d.placement) }),
});
