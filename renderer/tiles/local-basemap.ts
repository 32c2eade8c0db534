/**
 * A local basemap file opened for the map (shared/tiles/local-files.ts): a PMTiles archive read with
 * byte ranges from our own origin through pmtiles' `PMTiles` over a {@link RangeSource}, or an MBTiles
 * whose tiles the host reads. Opening reads what the map needs first (zooms, raster or vector, the
 * vector layers), so a file that is not what it says fails here, with a message naming it, before any
 * layer is added: the map keeps its other layers. No DOM here: tests run it in Node against the web
 * server.
 */
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import {
  localFileUrl,
  mbtilesInfoSchema,
  type LocalBasemapFile,
  type LocalProblem,
} from '../../shared/tiles/local-files';
import { tileAt } from '../../shared/tiles/tile-math';
import { readVectorTile } from '../../shared/tiles/vector-tile';

/** A failed read of a local file, as a message key naming it. */
export class LocalFileError extends Error {
  override readonly name = 'LocalFileError';
  constructor(readonly problem: LocalProblem) {
    super(`${problem.key}: ${problem.params.file ?? ''} ${problem.params.reason ?? ''}`);
  }
}

function problemOf(file: LocalBasemapFile, status: number, reason: string): LocalFileError {
  const params = { file: file.name, reason: reason.slice(0, 300) };
  if (status === 404) return new LocalFileError({ key: 'basemap.local.notOffered', params });
  if (status === 413) return new LocalFileError({ key: 'basemap.local.tooLarge', params });
  if (status === 422) return new LocalFileError({ key: 'basemap.local.corrupt', params });
  return new LocalFileError({
    key: 'basemap.local.unreadable',
    params: { ...params, reason: `HTTP ${status} ${params.reason}` },
  });
}

async function get(
  file: LocalBasemapFile,
  url: string,
  fetchImpl: typeof fetch,
  init: RequestInit = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit', ...init });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new LocalFileError({
      key: 'basemap.local.unreadable',
      params: { file: file.name, reason: error instanceof Error ? error.message : String(error) },
    });
  }
  if (!response.ok) throw problemOf(file, response.status, await response.text().catch(() => ''));
  return response;
}

/** pmtiles' `Source` over HTTP byte ranges of our own origin (the app:// protocol or the web server). */
export class RangeSource implements Source {
  constructor(
    private readonly file: LocalBasemapFile,
    private readonly url: string,
    private readonly fetchImpl: typeof fetch,
  ) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    const response = await get(this.file, this.url, this.fetchImpl, {
      headers: { Range: `bytes=${offset}-${offset + length - 1}` },
      ...(signal === undefined ? {} : { signal }),
    });
    const data = await response.arrayBuffer();
    // A host that ignored the range sent the whole file: take the part asked for.
    if (response.status === 200 && data.byteLength > length)
      return { data: data.slice(offset, offset + length) };
    return { data };
  }
}

/** A local basemap ready to draw. */
export interface OpenedLocalBasemap {
  readonly file: LocalBasemapFile;
  readonly kind: 'raster' | 'vector';
  readonly minZoom: number;
  readonly maxZoom: number;
  /** For vector tiles: the source layers to draw with the generic style. */
  readonly vectorLayers: readonly string[];
  /** One tile's bytes (decompressed), or null where the file has none. */
  tile(z: number, x: number, y: number, signal?: AbortSignal): Promise<ArrayBuffer | null>;
}

const vectorLayersOf = (metadata: unknown): string[] => {
  const layers = (metadata as { vector_layers?: unknown } | null)?.vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers
    .map((l) => (l as { id?: unknown }).id)
    .filter((id): id is string => typeof id === 'string' && id !== '')
    .slice(0, 64);
};

async function gunzipIfNeeded(data: ArrayBuffer): Promise<ArrayBuffer> {
  const head = new Uint8Array(data, 0, Math.min(2, data.byteLength));
  if (head[0] !== 0x1f || head[1] !== 0x8b) return data;
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

async function openPmtiles(
  file: LocalBasemapFile,
  url: string,
  fetchImpl: typeof fetch,
): Promise<OpenedLocalBasemap> {
  const archive = new PMTiles(new RangeSource(file, url, fetchImpl));
  let header;
  try {
    header = await archive.getHeader();
  } catch (error) {
    if (error instanceof LocalFileError) throw error;
    throw new LocalFileError({
      key: 'basemap.local.corrupt',
      params: { file: file.name, reason: error instanceof Error ? error.message : String(error) },
    });
  }
  const raster = [TileType.Png, TileType.Jpeg, TileType.Webp, TileType.Avif].includes(header.tileType);
  const kind = raster ? 'raster' : header.tileType === TileType.Mvt ? 'vector' : null;
  if (kind === null || header.minZoom > header.maxZoom)
    throw new LocalFileError({
      key: 'basemap.local.corrupt',
      params: {
        file: file.name,
        reason: `tile type ${header.tileType}, zooms ${header.minZoom}–${header.maxZoom}`,
      },
    });
  let vectorLayers = kind === 'vector' ? vectorLayersOf(await archive.getMetadata().catch(() => null)) : [];
  if (kind === 'vector' && vectorLayers.length === 0) {
    // Metadata without `vector_layers`: the layers of the tile at the archive's centre.
    const z = Math.min(Math.max(header.centerZoom, header.minZoom), header.maxZoom);
    const { x, y } = tileAt(header.centerLon, header.centerLat, z);
    const found = await archive.getZxy(z, x, y).catch(() => undefined);
    const read =
      found === undefined ? null : readVectorTile(new Uint8Array(await gunzipIfNeeded(found.data)));
    if (read?.kind === 'layers') vectorLayers = [...read.names];
  }
  return {
    file,
    kind,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    vectorLayers,
    async tile(z, x, y, signal) {
      const found = await archive.getZxy(z, x, y, signal);
      return found === undefined ? null : found.data;
    },
  };
}

async function openMbtiles(
  file: LocalBasemapFile,
  url: string,
  fetchImpl: typeof fetch,
): Promise<OpenedLocalBasemap> {
  const response = await get(file, `${url}/metadata.json`, fetchImpl);
  const info = mbtilesInfoSchema.safeParse(await response.json().catch(() => null));
  if (!info.success)
    throw new LocalFileError({
      key: 'basemap.local.corrupt',
      params: { file: file.name, reason: 'metadata' },
    });
  const kind = info.data.format === 'pbf' ? 'vector' : 'raster';
  return {
    file,
    kind,
    minZoom: Math.min(info.data.minZoom, info.data.maxZoom),
    maxZoom: info.data.maxZoom,
    vectorLayers: info.data.vectorLayers ?? [],
    async tile(z, x, y, signal) {
      const tile = await get(
        file,
        `${url}/${z}/${x}/${y}`,
        fetchImpl,
        signal === undefined ? {} : { signal },
      );
      if (tile.status === 204) return null;
      return gunzipIfNeeded(await tile.arrayBuffer());
    },
  };
}

/**
 * Opens a local file offered at `origin` (the page's own: `app://griddesk`, or the web server's).
 * Throws {@link LocalFileError} naming the file: not offered here (another PC's file, or a folder
 * without it), corrupt (not a PMTiles archive or not an MBTiles database), too large (an MBTiles past
 * the host's limit), or unreadable.
 */
export function openLocalBasemap(
  file: LocalBasemapFile,
  origin: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<OpenedLocalBasemap> {
  const url = localFileUrl(origin, file.id);
  return file.format === 'pmtiles' ? openPmtiles(file, url, fetchImpl) : openMbtiles(file, url, fetchImpl);
}
