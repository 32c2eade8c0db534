import type { FontFacesSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { MAP_THEMES, type MapTheme } from './palette';
import { MAP_BANDS, type MapBand } from './layer-module';
import { MAP_LAYERS } from './registry';

export { LAYER_GROUPS, LAYER_GROUP_IDS, type LayerGroup } from './registry';

const defaultBand = (l: LayerSpecification): MapBand => (l.type === 'symbol' ? 'label' : 'ground');

/**
 * The offline default style: a plain background and the township's own geography, then the command
 * layers, every one from the layer registry. Bands stack bottom to top (fills, outlines, labels above all
 * geometry, command symbols on top); inside a band the modules' `order` decides. No tiles, no sprite and no
 * glyphs URL, so it renders with no network at all. `fontFaces` (the app's CJK webfont,
 * renderer/fonts/cjk-font.ts) draws the labels where no local CJK font exists.
 */
export function offlineStyle(
  theme: MapTheme = MAP_THEMES.light,
  fontFaces?: FontFacesSpecification,
): StyleSpecification {
  const modules = [...MAP_LAYERS].sort((a, b) => a.order - b.order);
  const placed = modules.flatMap((m, moduleRank) =>
    m.layers(theme).map((layer, index) => ({
      layer,
      band: MAP_BANDS.indexOf(('band' in m ? m.band : defaultBand)(layer)),
      moduleRank,
      index,
    })),
  );
  placed.sort((a, b) => a.band - b.band || a.moduleRank - b.moduleRank || a.index - b.index);
  return {
    version: 8,
    name: 'GridDesk offline',
    ...(fontFaces === undefined ? {} : { 'font-faces': fontFaces }),
    sources: Object.assign({}, ...modules.map((m) => m.sources())) as StyleSpecification['sources'],
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': theme.basemap.background } },
      ...placed.map((p) => p.layer),
    ],
  };
}
