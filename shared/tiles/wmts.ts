/**
 * A WMTS server's GetCapabilities (OGC 07-057r7), read far enough to draw one of its layers: the
 * layers with their formats, styles and matrix sets, each matrix set's zooms if it is the Web Mercator
 * grid the map draws (GoogleMapsCompatible, or 天地图's `w`), and the tile URL, RESTful (`ResourceURL`)
 * or key-value (`GetTile` on the operation's address). A matrix set in another CRS (天地图's `c` is
 * CGCS2000 geographic, EPSG:4490) is listed but named as not drawable. Read with @xmldom/xmldom, so it
 * runs in a worker and in Node.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { parseTemplate, type TileEndpoint } from './endpoint';
import { MAX_TILE_ZOOM } from './tile-math';

/** Zoom 0's scale denominator in Web Mercator at 0.28 mm pixels (the WMTS standard's well-known set). */
const MERCATOR_SCALE_0 = 559_082_264.028_717_2;
/** Half the Web Mercator world's width, metres. */
const MERCATOR_HALF = 20_037_508.342_789_244;
const MERCATOR_CRS = /(?:EPSG:{1,2}|EPSG\/0\/)(?:3857|900913|102100|102113|3785)\b/i;

export interface WmtsLayer {
  readonly id: string;
  readonly title: string;
  readonly formats: readonly string[];
  readonly styles: readonly { readonly id: string; readonly isDefault: boolean }[];
  readonly matrixSets: readonly string[];
  readonly resourceUrls: readonly { readonly format: string; readonly template: string }[];
}

export interface WmtsMatrixSet {
  readonly id: string;
  readonly crs: string;
  /**
   * For a Web Mercator set, the TileMatrix identifier of each zoom it has (index = zoom); null for a
   * set the map cannot draw.
   */
  readonly zooms: readonly (string | null)[] | null;
}

export interface WmtsCapabilities {
  readonly title: string;
  /** The GetTile operation's KVP address, if the server offers one. */
  readonly getTile: string | null;
  readonly layers: readonly WmtsLayer[];
  readonly matrixSets: readonly WmtsMatrixSet[];
}

export const WMTS_PROBLEM_KEYS = [
  'basemap.wmts.notXml',
  'basemap.wmts.notCapabilities',
  'basemap.wmts.noLayers',
  'basemap.wmts.unknownLayer',
  'basemap.wmts.unknownMatrixSet',
  'basemap.wmts.notMercator',
  'basemap.wmts.noTileUrl',
] as const;

export interface WmtsProblem {
  readonly key: (typeof WMTS_PROBLEM_KEYS)[number];
  readonly params: Readonly<Record<string, string>>;
}

const children = (parent: Element, name: string): Element[] => {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  return out;
};
const child = (parent: Element, name: string): Element | undefined => children(parent, name)[0];
const text = (parent: Element | undefined, name: string): string =>
  (parent === undefined ? undefined : child(parent, name)?.textContent?.trim()) ?? '';

function descendants(root: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (e: Element): void => {
    for (let n = e.firstChild; n !== null; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      if ((n as Element).localName === name) out.push(n as Element);
      walk(n as Element);
    }
  };
  walk(root);
  return out;
}

/** The zoom a tile matrix is of in Web Mercator, or null if it is not one of that grid's. */
function mercatorZoom(matrix: Element): number | null {
  const scale = Number(text(matrix, 'ScaleDenominator'));
  const size = Number(text(matrix, 'TileWidth'));
  const width = Number(text(matrix, 'MatrixWidth'));
  const [left, top] = text(matrix, 'TopLeftCorner').split(/\s+/).map(Number);
  if (!(scale > 0) || size !== 256) return null;
  const z = Math.round(Math.log2(MERCATOR_SCALE_0 / scale));
  if (z < 0 || z > MAX_TILE_ZOOM || Math.abs(MERCATOR_SCALE_0 / 2 ** z / scale - 1) > 0.01) return null;
  // Servers round the corner (天地图 writes -2.003750834E7); a kilometre is far below a tile's width.
  if (Math.abs((left ?? NaN) + MERCATOR_HALF) > 1000 || Math.abs((top ?? NaN) - MERCATOR_HALF) > 1000)
    return null;
  if (Number.isFinite(width) && width !== 2 ** z) return null;
  return z;
}

function matrixSetOf(e: Element): WmtsMatrixSet {
  const id = text(e, 'Identifier');
  const crs = text(e, 'SupportedCRS');
  if (!MERCATOR_CRS.test(crs)) return { id, crs, zooms: null };
  const zooms: (string | null)[] = [];
  for (const matrix of children(e, 'TileMatrix')) {
    const z = mercatorZoom(matrix);
    if (z === null) return { id, crs, zooms: null };
    zooms[z] = text(matrix, 'Identifier');
  }
  for (let z = 0; z < zooms.length; z += 1) zooms[z] ??= null;
  return { id, crs, zooms: zooms.length === 0 ? null : zooms };
}

/** Reads a GetCapabilities document; `source` (its address or file) names it in the messages. */
export function parseWmtsCapabilities(
  xml: string,
  source: string,
): { ok: true; capabilities: WmtsCapabilities } | { ok: false; problem: WmtsProblem } {
  let root: Element | null = null;
  try {
    let broken = false;
    const doc = new DOMParser({
      onError: (level) => {
        if (level !== 'warning') broken = true;
      },
    }).parseFromString(xml, 'text/xml');
    root = broken ? null : doc.documentElement;
  } catch {
    root = null;
  }
  if (root === null) return { ok: false, problem: { key: 'basemap.wmts.notXml', params: { source } } };
  if (root.localName !== 'Capabilities')
    return {
      ok: false,
      problem: { key: 'basemap.wmts.notCapabilities', params: { source, root: root.localName ?? '' } },
    };
  const contents = child(root, 'Contents');
  const layers: WmtsLayer[] = (contents === undefined ? [] : children(contents, 'Layer')).map((l) => ({
    id: text(l, 'Identifier'),
    title: text(l, 'Title') || text(l, 'Identifier'),
    formats: children(l, 'Format').map((f) => f.textContent?.trim() ?? ''),
    styles: children(l, 'Style').map((s) => ({
      id: text(s, 'Identifier'),
      isDefault: s.getAttribute('isDefault') === 'true',
    })),
    matrixSets: children(l, 'TileMatrixSetLink').map((link) => text(link, 'TileMatrixSet')),
    resourceUrls: children(l, 'ResourceURL')
      .filter((r) => (r.getAttribute('resourceType') ?? 'tile') === 'tile')
      .map((r) => ({ format: r.getAttribute('format') ?? '', template: r.getAttribute('template') ?? '' })),
  }));
  if (layers.length === 0)
    return { ok: false, problem: { key: 'basemap.wmts.noLayers', params: { source } } };
  const matrixSets = contents === undefined ? [] : children(contents, 'TileMatrixSet').map(matrixSetOf);
  const getTileOp = descendants(root, 'Operation').find((op) => op.getAttribute('name') === 'GetTile');
  const get = getTileOp === undefined ? undefined : descendants(getTileOp, 'Get')[0];
  const href =
    get?.getAttribute('xlink:href') ?? get?.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? null;
  const title = text(child(root, 'ServiceIdentification'), 'Title');
  return { ok: true, capabilities: { title, getTile: href || null, layers, matrixSets } };
}

/**
 * The endpoint for one layer in one matrix set: its RESTful template when it has one, else GetTile by
 * key-value pairs. The format and style default to the layer's first and its default.
 */
export function wmtsEndpoint(
  capabilities: WmtsCapabilities,
  layerId: string,
  matrixSetId: string,
  source: string,
): { ok: true; endpoint: TileEndpoint; format: string } | { ok: false; problem: WmtsProblem } {
  const refuse = (key: WmtsProblem['key'], params: Record<string, string> = {}) => ({
    ok: false as const,
    problem: { key, params: { source, layer: layerId, matrixSet: matrixSetId, ...params } },
  });
  const layer = capabilities.layers.find((l) => l.id === layerId);
  if (layer === undefined) return refuse('basemap.wmts.unknownLayer');
  const set = capabilities.matrixSets.find((m) => m.id === matrixSetId);
  if (set === undefined || !layer.matrixSets.includes(matrixSetId))
    return refuse('basemap.wmts.unknownMatrixSet');
  if (set.zooms === null) return refuse('basemap.wmts.notMercator', { crs: set.crs });
  const style = (layer.styles.find((s) => s.isDefault) ?? layer.styles[0])?.id ?? 'default';
  const rest = layer.resourceUrls.find((r) => r.template !== '');
  const format = rest?.format || layer.formats[0] || 'image/png';
  let template: string;
  if (rest !== undefined) {
    template = rest.template
      .replace(/\{TileMatrixSet\}/gi, encodeURIComponent(matrixSetId))
      .replace(/\{Style\}/gi, encodeURIComponent(style));
  } else if (capabilities.getTile !== null) {
    const base = capabilities.getTile.includes('?') ? capabilities.getTile : `${capabilities.getTile}?`;
    const sep = base.endsWith('?') || base.endsWith('&') ? '' : '&';
    template =
      `${base}${sep}SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${encodeURIComponent(layerId)}` +
      `&STYLE=${encodeURIComponent(style)}&TILEMATRIXSET=${encodeURIComponent(matrixSetId)}` +
      `&FORMAT=${encodeURIComponent(format)}&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}`;
  } else return refuse('basemap.wmts.noTileUrl');
  const zooms = set.zooms.flatMap((id, z) => (id === null ? [] : [z]));
  const parsed = parseTemplate(template, { minZoom: Math.min(...zooms), maxZoom: Math.max(...zooms) });
  if (!parsed.ok) return refuse('basemap.wmts.noTileUrl');
  return { ok: true, endpoint: { ...parsed.endpoint, matrixIds: set.zooms }, format };
}
