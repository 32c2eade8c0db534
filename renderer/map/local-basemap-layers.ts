/**
 * The source and layers of a local PMTiles/MBTiles basemap (renderer/tiles/local-protocol.ts): raster
 * tiles as they are (dimmed on the dark wall, as network basemaps are); vector tiles in a generic style,
 * each source layer's polygons filled pale and its lines grey, with no labels (a file's fonts and
 * glyph ranges are not ours, and the map must not fetch any).
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { localTileTemplate, type LocalBasemapLayer } from '../tiles/local-protocol';

export const DARK_RASTER_PAINT = {
  'raster-brightness-max': 0.45,
  'raster-saturation': -0.7,
  'raster-contrast': 0.1,
} as const;

export function localBasemapStyle(
  local: LocalBasemapLayer,
  sourceId: string,
  dark: boolean,
): { source: SourceSpecification; layers: LayerSpecification[] } {
  const range = { minzoom: local.minZoom, maxzoom: local.maxZoom };
  const tiles = [localTileTemplate(local.key)];
  if (local.kind === 'raster')
    return {
      source: { type: 'raster', tiles, tileSize: 256, ...range },
      layers: [{ id: sourceId, type: 'raster', source: sourceId, paint: dark ? DARK_RASTER_PAINT : {} }],
    };
  return {
    source: { type: 'vector', tiles, ...range },
    layers: genericVectorLayers(sourceId, local.vectorLayers, dark),
  };
}

/**
 * A vector basemap's layers in the generic style: each source layer's polygons filled pale (dark on
 * the wall) and its lines grey, with no labels (a server's or file's fonts and glyph ranges are not
 * ours, and the map must not fetch any). Also a county server's vector tiles (net-basemap.ts).
 */
export function genericVectorLayers(
  sourceId: string,
  sourceLayers: readonly string[],
  dark: boolean,
): LayerSpecification[] {
  const [fill, line] = dark ? ['#1f2937', '#4b5563'] : ['#ebe7dc', '#b5ada0'];
  return sourceLayers.flatMap((sourceLayer, i): LayerSpecification[] => [
    {
      id: `${sourceId}-${i}-fill`,
      type: 'fill',
      source: sourceId,
      'source-layer': sourceLayer,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': fill, 'fill-outline-color': line },
    },
    {
      id: `${sourceId}-${i}-line`,
      type: 'line',
      source: sourceId,
      'source-layer': sourceLayer,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': line, 'line-width': 1 },
    },
  ]);
}
