import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import { defineMapLayer, type ImportPreviewPoint } from '../layer-module';

export type { ImportPreviewPoint } from '../layer-module';

export const IMPORT_PREVIEW_SOURCE = 'import-preview';
export const IMPORT_PREVIEW_LAYER = 'import-preview-point';

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

/** How many preview rows the map has drawn in view, inside and outside the township. */
function renderedPreview(map: MapLibreMap): { importPreviewInside: number; importPreviewOutside: number } {
  if (!map.getLayer(IMPORT_PREVIEW_LAYER)) return { importPreviewInside: 0, importPreviewOutside: 0 };
  const rows = new Map<unknown, boolean>();
  for (const f of map.queryRenderedFeatures({ layers: [IMPORT_PREVIEW_LAYER] })) {
    rows.set(f.properties.row, f.properties.inside === true);
  }
  const inside = [...rows.values()].filter(Boolean).length;
  return { importPreviewInside: inside, importPreviewOutside: rows.size - inside };
}

/** The rows of an import being reviewed, on top of everything (the import dialog's map draws it). */
export const importPreviewLayer = defineMapLayer({
  id: 'importPreview',
  order: 6,
  toggle: false,
  sources: () => ({ [IMPORT_PREVIEW_SOURCE]: importPreviewSource() }),
  layers: importPreviewLayers,
  band: () => 'overlay',
  reads: ['importPreview'],
  update: (d) => ({ [IMPORT_PREVIEW_SOURCE]: importPreviewFeatures(d.importPreview) }),
  probe: renderedPreview,
});
