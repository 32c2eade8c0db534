import type { MLFontFace } from 'maplibre-gl';

/**
 * The family name of the CJK webfont the app ships (renderer/fonts/cjk-font.ts), last before the generic family in
 * every font stack of the page and the map, so a PC's own CJK font is preferred where it has one.
 */
export const WEB_CJK_FONT = 'Noto Sans SC';

/** One `@font-face` rule of a stylesheet: its family, weight, style, first `src` file and `unicode-range`. */
export interface FontFaceRule {
  readonly family: string;
  readonly weight: string;
  readonly style: string;
  /** The first `url(...)` of `src`, as written (e.g. `./files/noto-sans-sc-4-400-normal.woff2`). */
  readonly src: string;
  /** The `unicode-range` entries, e.g. `['U+4e00-4e3f', 'U+4e41']`; empty when the rule names none. */
  readonly unicodeRange: readonly string[];
}

const unquote = (s: string): string => s.trim().replace(/^(['"])(.*)\1$/, '$2');

/**
 * The `@font-face` rules of a stylesheet such as a Fontsource package's `400.css`, which splits a CJK font into
 * ~100 files by `unicode-range` so a page only downloads the characters it shows. Only the first `src` URL of each
 * rule is kept (Fontsource lists woff2 first, which every engine GridDesk runs on reads).
 */
export function parseFontFaceRules(css: string): FontFaceRule[] {
  const rules: FontFaceRule[] = [];
  for (const [, body = ''] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const descriptors = new Map<string, string>();
    for (const declaration of body.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      descriptors.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim());
    }
    const src = /url\(\s*([^)]+?)\s*\)/.exec(descriptors.get('src') ?? '')?.[1];
    const family = descriptors.get('font-family');
    if (src === undefined || family === undefined) continue;
    const range = descriptors.get('unicode-range');
    rules.push({
      family: unquote(family),
      weight: descriptors.get('font-weight') ?? 'normal',
      style: descriptors.get('font-style') ?? 'normal',
      src: unquote(src),
      unicodeRange: range === undefined ? [] : range.split(',').map((r) => r.trim()),
    });
  }
  return rules;
}

/**
 * The same font files as MapLibre `font-faces` entries, so map labels are drawn with the font the page shows
 * (MapLibre downloads a file only when a label needs one of its characters, and waits for it before drawing).
 * `urlOf` turns a rule's file name into the URL the build serves it at; a rule whose file has none is left out.
 */
export function mapFontFaces(
  rules: readonly FontFaceRule[],
  urlOf: (fileName: string) => string | undefined,
): MLFontFace[] {
  const faces: MLFontFace[] = [];
  for (const rule of rules) {
    const url = urlOf(rule.src.slice(rule.src.lastIndexOf('/') + 1));
    if (url === undefined) continue;
    faces.push(rule.unicodeRange.length > 0 ? { url, 'unicode-range': [...rule.unicodeRange] } : { url });
  }
  return faces;
}
