import type { LayerSpecification, RasterLayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { BasemapLayer, BasemapTone } from '../../shared/tiles/basemaps';
import { tileTemplateOf } from '../tiles/tile-loader';
import { genericVectorLayers } from './local-basemap-layers';

/** The prefix of the network basemap's sources and layers (天地图, a county server), under everything else. */
export const NET_BASEMAP = 'netbase-';

type RasterPaint = NonNullable<RasterLayerSpecification['paint']>;

/**
 * How the dark display wall draws a network raster basemap, so the command layers stay what the eye
 * reads first and the roads stay readable under them:
 * - a drawn street map (天地图矢量/地形, a county server's map) is inverted — light ground becomes
 *   near-black, dark labels light — with the hue turned half round first, so that the inversion keeps
 *   water blue and green land green instead of turning them orange and purple, and a little desaturated;
 *   white roads with grey casings come out as dark lines edged in grey, the road network still plain;
 * - aerial imagery (天地图影像) is not inverted (it would look like a negative) but dimmed and greyed.
 * The workstation's light map draws the tiles as they are.
 */
export function wallRasterPaint(tone: BasemapTone): RasterPaint {
  if (tone === 'imagery')
    return { 'raster-brightness-max': 0.55, 'raster-saturation': -0.4, 'raster-contrast': 0.1 };
  return {
    'raster-hue-rotate': 180,
    'raster-brightness-min': 0.82,
    'raster-brightness-max': 0.07,
    'raster-saturation': -0.35,
    'raster-contrast': 0.05,
  };
}

/**
 * The source and style layers of one network basemap layer: its tiles come through the tile cache
 * (renderer/tiles); raster tiles are drawn as they are (dark on the wall: {@link wallRasterPaint}),
 * vector tiles in the generic style (local-basemap-layers.ts).
 */
export function netBasemapStyle(
  layer: BasemapLayer,
  dark: boolean,
): { source: SourceSpecification; layers: LayerSpecification[] } {
  const id = NET_BASEMAP + layer.id;
  const tiles = [tileTemplateOf(layer.id)];
  const range = { minzoom: layer.endpoint.minZoom, maxzoom: layer.endpoint.maxZoom };
  if (layer.format === 'vector')
    return {
      source: { type: 'vector', tiles, ...range },
      layers: genericVectorLayers(id, layer.vectorLayers ?? [], dark),
    };
  return {
    source: { type: 'raster', tiles, tileSize: 256, ...range },
    layers: [{ id, type: 'raster', source: id, paint: dark ? wallRasterPaint(layer.tone ?? 'map') : {} }],
  };
}
