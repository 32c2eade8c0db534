/**
 * Where a basemap's tiles come from: a URL template and what fills it. Every network tile the map
 * draws is asked for by the app's own tile protocol as (source, z, x, y); the endpoint turns that into
 * the provider's URL, so the key of a 天地图 account or a WMTS server's matrix names never appear in
 * the map's style, and the tile cache keys tiles by source and position, not by URL.
 *
 * Templates take the placeholders web maps use: `{z}`, `{x}`, `{y}`, `{-y}` (TMS rows, counted from
 * the south), `{s}` (a subdomain, chosen by position so a tile always comes from the same host),
 * `{quadkey}`, and WMTS's `{TileMatrix}`, `{TileRow}`, `{TileCol}` (any case). `{a-c}` or `{0-7}` in
 * the host stands for `{s}` over that range.
 */
import { quadkey, type TileId, MAX_TILE_ZOOM } from './tile-math';

export interface TileEndpoint {
  /** The URL template, normalised: `{s}` for a subdomain, `{z}` `{x}` `{y}` `{-y}` `{quadkey}`. */
  readonly template: string;
  readonly subdomains: readonly string[];
  /** A WMTS matrix set's TileMatrix identifier for each zoom (index = zoom), when not the zoom itself. */
  readonly matrixIds?: readonly (string | null)[];
  readonly minZoom: number;
  readonly maxZoom: number;
}

/** Why a template is refused: an i18n key and its parameters (the i18n test checks each has both texts). */
export interface TemplateProblem {
  readonly key: (typeof TEMPLATE_PROBLEM_KEYS)[number];
  readonly params: Readonly<Record<string, string>>;
}

export const TEMPLATE_PROBLEM_KEYS = [
  'basemap.template.empty',
  'basemap.template.notUrl',
  'basemap.template.scheme',
  'basemap.template.unknownPlaceholder',
  'basemap.template.missingPlaceholder',
  'basemap.template.noSubdomains',
] as const;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const ALIASES: Readonly<Record<string, string>> = {
  z: 'z',
  x: 'x',
  y: 'y',
  '-y': '-y',
  s: 's',
  quadkey: 'quadkey',
  tilematrix: 'z',
  tilerow: 'y',
  tilecol: 'x',
};

/** `a-c` → a, b, c; `0-7` → 0 … 7; anything else → null. */
function rangeOf(text: string): string[] | null {
  const m = /^([a-z0-9])-([a-z0-9])$/i.exec(text);
  if (m === null) return null;
  const from = (m[1] as string).charCodeAt(0);
  const to = (m[2] as string).charCodeAt(0);
  const bothDigits = /\d/.test(m[1] as string) === /\d/.test(m[2] as string);
  if (!bothDigits || to < from || to - from > 25) return null;
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
}

/**
 * A URL template checked and normalised (see the module comment), with the subdomains `{s}` takes
 * (given apart, as "a,b,c", or by a range in the template), or why it cannot serve tiles.
 */
export function parseTemplate(
  text: string,
  options: { readonly subdomains?: string; readonly minZoom?: number; readonly maxZoom?: number } = {},
): { ok: true; endpoint: TileEndpoint } | { ok: false; problem: TemplateProblem } {
  const template = text.trim();
  const refuse = (key: TemplateProblem['key'], params: Record<string, string> = {}) => ({
    ok: false as const,
    problem: { key, params: { template, ...params } },
  });
  if (template === '') return refuse('basemap.template.empty');
  let subdomains = (options.subdomains ?? '')
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  let normalised = '';
  let last = 0;
  const seen = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) {
    const inner = m[1] as string;
    const range = rangeOf(inner);
    let name: string | undefined;
    if (range !== null) {
      name = 's';
      subdomains = range;
    } else name = ALIASES[inner.toLowerCase()];
    if (name === undefined) return refuse('basemap.template.unknownPlaceholder', { placeholder: m[0] });
    seen.add(name);
    normalised += `${template.slice(last, m.index)}{${name}}`;
    last = (m.index ?? 0) + m[0].length;
  }
  normalised += template.slice(last);
  let url: URL;
  try {
    url = new URL(normalised.replace(PLACEHOLDER, '0'));
  } catch {
    return refuse('basemap.template.notUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return refuse('basemap.template.scheme', { scheme: url.protocol.replace(/:$/, '') });
  const addressed =
    seen.has('quadkey') || (seen.has('z') && seen.has('x') && (seen.has('y') || seen.has('-y')));
  if (!addressed) {
    const missing = ['z', 'x', 'y'].filter((p) => !seen.has(p) && !(p === 'y' && seen.has('-y')));
    return refuse('basemap.template.missingPlaceholder', {
      placeholders: missing.map((p) => `{${p}}`).join(' '),
    });
  }
  if (seen.has('s') && subdomains.length === 0) return refuse('basemap.template.noSubdomains');
  return {
    ok: true,
    endpoint: {
      template: normalised,
      subdomains,
      minZoom: options.minZoom ?? 0,
      maxZoom: options.maxZoom ?? MAX_TILE_ZOOM,
    },
  };
}

/** The provider's URL of one tile. */
export function tileUrl(endpoint: TileEndpoint, tile: TileId): string {
  const { z, x, y } = tile;
  const subdomain =
    endpoint.subdomains.length === 0
      ? ''
      : (endpoint.subdomains[(x + y) % endpoint.subdomains.length] as string);
  const matrix = endpoint.matrixIds?.[z] ?? String(z);
  return endpoint.template
    .replaceAll('{s}', subdomain)
    .replaceAll('{z}', encodeURIComponent(matrix).replaceAll('%3A', ':'))
    .replaceAll('{x}', String(x))
    .replaceAll('{-y}', String(2 ** z - 1 - y))
    .replaceAll('{y}', String(y))
    .replaceAll('{quadkey}', quadkey(tile));
}

/** Whether an endpoint serves a tile at this zoom. */
export const servesZoom = (endpoint: TileEndpoint, z: number): boolean =>
  z >= endpoint.minZoom &&
  z <= endpoint.maxZoom &&
  (endpoint.matrixIds === undefined || endpoint.matrixIds[z] != null);

/**
 * 天地图's layers in Web Mercator (`_w`): the base maps (vector 矢量, imagery 影像, terrain 地形) and the
 * annotation (注记) each is drawn with.
 */
export const TIANDITU_LAYERS = {
  vec: { annotation: 'cva', maxZoom: 18 },
  img: { annotation: 'cia', maxZoom: 18 },
  ter: { annotation: 'cta', maxZoom: 14 },
} as const;
export type TiandituBase = keyof typeof TIANDITU_LAYERS;
export type TiandituLayer = TiandituBase | (typeof TIANDITU_LAYERS)[TiandituBase]['annotation'];

/** A 天地图 key as the developer console issues it: 32 hexadecimal digits. */
export const isTiandituKey = (key: string): boolean => /^[0-9a-f]{32}$/i.test(key.trim());

/** One 天地图 layer over WMTS with the centre's own key (hosts t0–t7). */
export function tiandituEndpoint(layer: TiandituLayer, key: string): TileEndpoint {
  const base = (Object.keys(TIANDITU_LAYERS) as TiandituBase[]).find(
    (b) => b === layer || TIANDITU_LAYERS[b].annotation === layer,
  ) as TiandituBase;
  return {
    template:
      `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
      `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}` +
      `&tk=${encodeURIComponent(key.trim())}`,
    subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'],
    minZoom: 1,
    maxZoom: TIANDITU_LAYERS[base].maxZoom,
  };
}

/** What an HTTP answer to a tile request means for the map (see the keys' texts). */
export type TileAnswer =
  | { readonly kind: 'tile' }
  /** No tile there (outside the provider's coverage): drawn empty, not an error. */
  | { readonly kind: 'empty' }
  | { readonly kind: 'refused'; readonly key: (typeof TILE_ANSWER_KEYS)[number] };

export const TILE_ANSWER_KEYS = [
  'basemap.answer.tiandituKey',
  'basemap.answer.refused',
  'basemap.answer.throttled',
  'basemap.answer.server',
  'basemap.answer.unexpected',
] as const;

/**
 * An HTTP status of a tile request, as the map and its messages take it. 天地图 answers a missing,
 * wrong or over-quota key with 418 (and sometimes 403), which is said as such: the map would
 * otherwise just stay blank.
 */
export function tileAnswer(status: number, provider: 'tianditu' | 'other'): TileAnswer {
  if (status >= 200 && status < 300) return status === 204 ? { kind: 'empty' } : { kind: 'tile' };
  if (status === 404) return { kind: 'empty' };
  if (provider === 'tianditu' && (status === 418 || status === 403))
    return { kind: 'refused', key: 'basemap.answer.tiandituKey' };
  if (status === 401 || status === 403) return { kind: 'refused', key: 'basemap.answer.refused' };
  if (status === 429) return { kind: 'refused', key: 'basemap.answer.throttled' };
  if (status >= 500) return { kind: 'refused', key: 'basemap.answer.server' };
  return { kind: 'refused', key: 'basemap.answer.unexpected' };
}
