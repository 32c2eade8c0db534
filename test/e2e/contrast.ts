/**
 * WCAG 2.x contrast: relative luminance of sRGB colours and the ratio between two, as the success
 * criterion 1.4.3 (AA: at least 4.5:1 for normal text) defines them.
 */

export type Rgb = readonly [r: number, g: number, b: number];

/** Reads `rgb(r, g, b)`, `rgba(r, g, b, a)` (alpha ignored) or `#rrggbb`. */
export function parseColour(text: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text.trim());
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i.exec(text.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`not a colour: ${text}`);
}

/** Every colour written in a CSS value, e.g. the stops of a `linear-gradient(…)`. */
export function coloursIn(css: string): Rgb[] {
  return [...css.matchAll(/rgba?\([^)]*\)|#[0-9a-f]{6}\b/gi)].map((m) => parseColour(m[0]));
}

/** Relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  const channel = (v: number): number => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
