/**
 * The UI's CJK font, shipped with the app: Noto Sans SC (SIL Open Font License) from the @fontsource package,
 * regular weight, split by `unicode-range` into ~100 woff2 files of which a page loads only those it needs.
 * A PC with a CJK font of its own (Microsoft YaHei, Noto Sans CJK, PingFang) keeps using it for the page, since
 * the family stacks name the local fonts first; a PC without one still shows Chinese instead of empty boxes.
 * Bold text falls back to the browser's synthesised bold of the regular face there.
 *
 * The page gets the font from the package's stylesheet (imported in main.ts); the map gets the same files as
 * its style's `font-faces` (MapLibre draws labels on a canvas and cannot use the page's @font-face rules for
 * characters it has not loaded yet).
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import fontCss from '@fontsource/noto-sans-sc/400.css?raw';
import { mapFontFaces, parseFontFaceRules, WEB_CJK_FONT } from './font-faces';

// The files 400.css names (its numbered CJK slices and four alphabet subsets), as URLs of the build: Vite emits
// each once, shared with the CSS import. The package's one-file "chinese-simplified" subset (1.1 MB) is left out.
const FILES = import.meta.glob<string>(
  '../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-{[0-9]*,latin,latin-ext,cyrillic,vietnamese}-400-normal.woff2',
  {
    query: '?url',
    import: 'default',
    eager: true,
  },
);
const urlByName = new Map(
  Object.entries(FILES).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

/** The webfont's files as a MapLibre style's `font-faces`. */
export const MAP_FONT_FACES: FontFacesSpecification = {
  [WEB_CJK_FONT]: mapFontFaces(parseFontFaceRules(fontCss), (name) => urlByName.get(name)),
};
