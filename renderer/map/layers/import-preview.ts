import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { LonLat } from '../../../shared/model/geo';

export const IMPORT_PREVIEW_SOURCE = 'import-preview';
export const IMPORT_PREVIEW_LAYER = 'import-preview-point';
export const IMPORT_PREVIEW_LAYER_IDS = [IMPORT_PREVIEW_LAYER] as const;

/** One row of an import being previewed: where it would land (WGS84) and whether that is in the township. */
export interface ImportPreviewPoint {
  /** The source row number, as the operator sees it in Excel. */
  readonly row: number;
  readonly location: LonLat;
  readonly inside: boolean;
}

/** The rows of an import about to be committed, blue inside the township and red outside. */
export function importPreviewFeatures(points: readonly ImportPreviewPoint[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      properties: { row: p.row, inside: p.inside },
      geometry: { type: 'Point', coordinates: [p.location[0], p.location[1]] },
    })),
  };
}

export function importPreviewSource(): SourceSpecification {
  return { type: 'geojson', data: importPreviewFeatures([]) };
}

export function importPreviewLayers(): LayerSpecification[] {
  return [
    {
      id: IMPORT_PREVIEW_LAYER,
      type: 'circle',
      source: IMPORT_PREVIEW_SOURCE,
      paint: {
        'circle-radius': 5,
        'circle-color': ['case', ['get', 'inside'], '#2563eb', '#dc2626'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  ];
}
