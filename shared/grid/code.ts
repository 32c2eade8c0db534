/**
 * Grid codes (单元网格编码) after GB/T 30428.1 and its CJ/T 213 lineage, as profiled by Beijing's
 * DB11/T 2157-2023: 15 digits = 6-digit county-level division code (县级行政区划代码)
 * + 3-digit township/street code + 3-digit community/village code + 3-digit sequence.
 * Sequences are numbered west to east, then north to south, within a community.
 */

declare const gridCodeBrand: unique symbol;
/** A 15-digit grid code that has passed {@link parseGridCode}. */
export type GridCode = string & { readonly [gridCodeBrand]: true };

export interface GridCodeParts {
  readonly county: string;
  readonly township: string;
  readonly community: string;
  readonly sequence: string;
}

/** Province-level prefixes of GB/T 2260 division codes. */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export type GridCodeError =
  | { readonly key: 'gridCode.notString' }
  | { readonly key: 'gridCode.length'; readonly length: number }
  | { readonly key: 'gridCode.nonDigit' }
  | { readonly key: 'gridCode.province'; readonly prefix: string }
  | { readonly key: 'gridCode.countyZero' }
  | { readonly key: 'gridCode.townshipZero' }
  | { readonly key: 'gridCode.communityZero' }
  | { readonly key: 'gridCode.sequenceZero' };

export type GridCodeResult =
  | { readonly ok: true; readonly code: GridCode; readonly parts: GridCodeParts }
  | { readonly ok: false; readonly error: GridCodeError };

/** Checks a grid code and splits it into its four parts; the error names what is wrong. */
export function parseGridCode(value: unknown): GridCodeResult {
  if (typeof value !== 'string') return { ok: false, error: { key: 'gridCode.notString' } };
  if (value.length !== 15) return { ok: false, error: { key: 'gridCode.length', length: value.length } };
  if (!/^\d{15}$/.test(value)) return { ok: false, error: { key: 'gridCode.nonDigit' } };
  const parts: GridCodeParts = {
    county: value.slice(0, 6),
    township: value.slice(6, 9),
    community: value.slice(9, 12),
    sequence: value.slice(12, 15),
  };
  const division = divisionError(parts.county, parts.township);
  if (division) return { ok: false, error: division };
  if (parts.community === '000') return { ok: false, error: { key: 'gridCode.communityZero' } };
  if (parts.sequence === '000') return { ok: false, error: { key: 'gridCode.sequenceZero' } };
  return { ok: true, code: value as GridCode, parts };
}

/** What is wrong with a county-level + township code pair, or null (the first 9 digits of a grid code). */
function divisionError(county: string, township: string): GridCodeError | null {
  const prefix = county.slice(0, 2);
  if (!PROVINCE_PREFIXES.has(prefix)) return { key: 'gridCode.province', prefix };
  // A county-level code never ends in 00: that is a prefecture (321200) or province (320000) aggregate.
  if (county.endsWith('00')) return { key: 'gridCode.countyZero' };
  if (township === '000') return { key: 'gridCode.townshipZero' };
  return null;
}

export type DivisionCodeResult =
  | { readonly ok: true; readonly county: string; readonly township: string }
  | { readonly ok: false; readonly error: GridCodeError };

/**
 * Checks a township's 9-digit division code (6-digit county-level code + 3-digit township or street
 * code, as the first 9 digits of its grid codes) with the same rules as grid codes.
 */
export function parseDivisionCode(value: string): DivisionCodeResult {
  if (value.length !== 9) return { ok: false, error: { key: 'gridCode.length', length: value.length } };
  if (!/^\d{9}$/.test(value)) return { ok: false, error: { key: 'gridCode.nonDigit' } };
  const county = value.slice(0, 6);
  const township = value.slice(6, 9);
  const error = divisionError(county, township);
  return error ? { ok: false, error } : { ok: true, county, township };
}

export function isGridCode(value: unknown): value is GridCode {
  return parseGridCode(value).ok;
}

/** Builds a grid code from its parts; throws a {@link RangeError} naming the part that does not fit. */
export function formatGridCode(
  county: string,
  township: number,
  community: number,
  sequence: number,
): GridCode {
  const pad = (n: number, name: string): string => {
    if (!Number.isInteger(n) || n < 1 || n > 999)
      throw new RangeError(`grid code ${name} ${n} is not 1..999`);
    return String(n).padStart(3, '0');
  };
  const result = parseGridCode(
    county + pad(township, 'township') + pad(community, 'community') + pad(sequence, 'sequence'),
  );
  if (!result.ok) throw new RangeError(`grid code invalid: ${result.error.key}`);
  return result.code;
}

/**
 * Orders cells for sequence numbering: west to east, then north to south. Positions are
 * representative points (lon, lat) of each cell; rows are bands of `rowHeightDeg` degrees from the north.
 * Returns the indices of `points` in numbering order.
 */
export function westToEastNorthToSouth(
  points: readonly (readonly [number, number])[],
  rowHeightDeg: number,
): number[] {
  const north = Math.max(...points.map((p) => p[1]));
  const row = (p: readonly [number, number]): number => Math.floor((north - p[1]) / rowHeightDeg);
  return points
    .map((p, i) => ({ i, row: row(p), lon: p[0] }))
    .sort((a, b) => a.row - b.row || a.lon - b.lon)
    .map((e) => e.i);
}
