import type { Grid } from '../../../shared/model/organisation';

/** At most this many grids are offered at a time (the sample's 86 are all offered). */
export const GRID_OPTIONS_LIMIT = 100;

/**
 * The grids a grid select offers for what the operator typed: those whose label holds `query`,
 * ignoring case, at most `limit` of them in the township's order (all of them for an empty query,
 * up to the limit), and the picked grid always, last if the others leave it out. A street office's
 * 200,000 grids are never all options at once: Element Plus's select is quadratic in its options.
 */
export function gridOptions(
  grids: readonly Grid[],
  query: string,
  label: (grid: Grid) => string,
  picked: Grid | undefined,
  limit = GRID_OPTIONS_LIMIT,
): Grid[] {
  const needle = query.toLowerCase();
  const out: Grid[] = [];
  for (const g of grids) {
    if (out.length >= limit) break;
    if (needle === '' || label(g).toLowerCase().includes(needle)) out.push(g);
  }
  if (picked !== undefined && !out.includes(picked)) out.push(picked);
  return out;
}
