/**
 * A WMTS server as a basemap, the way the leader sets it up in 底图设置: the GetCapabilities address is
 * fetched by the host (the same `tiles:fetch` / `/tile-proxy` path tiles take, so the page's CSP keeps
 * its own origin), read (wmts.ts), its layers listed with the matrix sets the map can draw, and the
 * picked layer and set turned into the settings the map draws from. Each way it can fail is named.
 */
import type { TileFetchOutcome } from '../ipc/contract';
import type { BasemapSettings } from './basemaps';
import { parseWmtsCapabilities, wmtsEndpoint, type WmtsCapabilities, type WmtsProblem } from './wmts';

export const WMTS_SOURCE_PROBLEM_KEYS = [
  'basemap.wmts.badUrl',
  'basemap.wmts.unreachable',
  'basemap.wmts.refusedFetch',
  'basemap.wmts.httpStatus',
  'basemap.wmts.noUsableSet',
] as const;

export interface WmtsSourceProblem {
  readonly key: (typeof WMTS_SOURCE_PROBLEM_KEYS)[number] | WmtsProblem['key'];
  readonly params: Readonly<Record<string, string>>;
}

/** A layer as the dialog lists it: its matrix sets, each drawable (Web Mercator) or not, with its CRS. */
export interface WmtsLayerChoice {
  readonly id: string;
  readonly title: string;
  readonly matrixSets: readonly { readonly id: string; readonly crs: string; readonly usable: boolean }[];
}

/**
 * The address to ask for a server's capabilities: as entered, with `SERVICE=WMTS&REQUEST=GetCapabilities`
 * added when it names no request and is not a document (`…/WMTSCapabilities.xml`); null if it is not an
 * http(s) address.
 */
export function capabilitiesUrl(entered: string): string | null {
  let url: URL;
  try {
    url = new URL(entered.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const names = [...url.searchParams.keys()].map((k) => k.toLowerCase());
  if (!names.includes('request') && !/\.xml$/i.test(url.pathname)) {
    if (!names.includes('service')) url.searchParams.set('SERVICE', 'WMTS');
    url.searchParams.set('REQUEST', 'GetCapabilities');
  }
  return url.toString();
}

/** The layers of a capabilities document, each with its matrix sets. */
export function layerChoices(capabilities: WmtsCapabilities): WmtsLayerChoice[] {
  return capabilities.layers.map((layer) => ({
    id: layer.id,
    title: layer.title,
    matrixSets: layer.matrixSets.map((id) => {
      const set = capabilities.matrixSets.find((m) => m.id === id);
      return { id, crs: set?.crs ?? '', usable: set?.zooms != null };
    }),
  }));
}

/**
 * Fetches and reads a server's capabilities through `fetchOutcome` (the platform's tile fetch). The
 * server is named by its host in every message. A document none of whose layers has a Web Mercator
 * matrix set is refused here: nothing in it could be drawn.
 */
export async function readWmtsServer(
  entered: string,
  fetchOutcome: (url: string) => Promise<TileFetchOutcome>,
): Promise<
  | { ok: true; url: string; capabilities: WmtsCapabilities; layers: WmtsLayerChoice[] }
  | { ok: false; problem: WmtsSourceProblem }
> {
  const url = capabilitiesUrl(entered);
  if (url === null)
    return { ok: false, problem: { key: 'basemap.wmts.badUrl', params: { source: entered.trim() } } };
  const source = new URL(url).host;
  const outcome = await fetchOutcome(url);
  if (outcome.kind === 'unreachable')
    return {
      ok: false,
      problem: { key: 'basemap.wmts.unreachable', params: { source, reason: outcome.reason } },
    };
  if (outcome.kind === 'refused')
    return {
      ok: false,
      problem: { key: 'basemap.wmts.refusedFetch', params: { source, reason: outcome.reason } },
    };
  if (outcome.status < 200 || outcome.status >= 300)
    return {
      ok: false,
      problem: { key: 'basemap.wmts.httpStatus', params: { source, status: String(outcome.status) } },
    };
  const read = parseWmtsCapabilities(new TextDecoder().decode(outcome.bytes), source);
  if (!read.ok) return read;
  const layers = layerChoices(read.capabilities);
  if (!layers.some((l) => l.matrixSets.some((m) => m.usable))) {
    const crs = [...new Set(read.capabilities.matrixSets.map((m) => m.crs).filter((c) => c !== ''))];
    return {
      ok: false,
      problem: { key: 'basemap.wmts.noUsableSet', params: { source, crs: crs.join(', ') || '?' } },
    };
  }
  return { ok: true, url, capabilities: read.capabilities, layers };
}

/** The settings that draw one layer in one matrix set, under the name the leader gave it. */
export function wmtsSettingsOf(
  capabilities: WmtsCapabilities,
  choice: { readonly name: string; readonly url: string; readonly layer: string; readonly matrixSet: string },
): { ok: true; wmts: NonNullable<BasemapSettings['wmts']> } | { ok: false; problem: WmtsProblem } {
  const source = new URL(choice.url).host;
  const made = wmtsEndpoint(capabilities, choice.layer, choice.matrixSet, source);
  if (!made.ok) return made;
  const { endpoint } = made;
  return {
    ok: true,
    wmts: {
      name: choice.name,
      url: choice.url,
      layer: choice.layer,
      matrixSet: choice.matrixSet,
      template: endpoint.template,
      matrixIds: [...(endpoint.matrixIds ?? [])],
      minZoom: endpoint.minZoom,
      maxZoom: endpoint.maxZoom,
    },
  };
}
