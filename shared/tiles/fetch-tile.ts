/**
 * One tile fetched from a provider by the host, not by the page: the Electron main process (IPC
 * `tiles:fetch`) and the web server (`/tile-proxy`) both call this, so the renderer's CSP keeps its
 * `connect-src` to our own origin whatever basemaps a centre configures, and a provider never sees the
 * app's pages as a referrer. Only http(s) GET, no credentials, no cookies, a size cap and a time limit;
 * an answer is passed on with its status (the map decides what a 404 or 天地图's 418 means: endpoint.ts),
 * and a provider that cannot be reached is an error of its own kind, so the cache can serve what it holds.
 */
import type { TileFetchOutcome } from '../ipc/contract';

export const TILE_MAX_BYTES = 4 * 1024 * 1024;
export const TILE_TIMEOUT_MS = 15_000;

export interface FetchedTile {
  readonly status: number;
  readonly contentType: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** The provider could not be reached (no network, refused connection, time-out): serve the cache. */
export class TileUnreachableError extends Error {
  override readonly name = 'TileUnreachableError';
}

/** Why a URL is not fetched for a tile, or null when it may be. */
export function tileUrlRefusal(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `scheme ${parsed.protocol} is not http(s)`;
  if (parsed.username !== '' || parsed.password !== '') return 'credentials in the URL';
  return null;
}

/**
 * GETs `url` with `fetchImpl` (the host's fetch) and reads at most {@link TILE_MAX_BYTES}. Throws a
 * TypeError for a URL {@link tileUrlRefusal} refuses, {@link TileUnreachableError} when there is no
 * answer in {@link TILE_TIMEOUT_MS}, and a RangeError for a body over the cap.
 */
export async function fetchTile(
  url: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = TILE_TIMEOUT_MS,
): Promise<FetchedTile> {
  const refusal = tileUrlRefusal(url);
  if (refusal !== null) throw new TypeError(`tile URL refused: ${refusal}`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'GET',
        credentials: 'omit',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
    } catch (error) {
      throw new TileUnreachableError(
        `${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > TILE_MAX_BYTES)
      throw new RangeError(`tile of ${declared} bytes is over ${TILE_MAX_BYTES}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > TILE_MAX_BYTES)
      throw new RangeError(`tile of ${bytes.byteLength} bytes is over ${TILE_MAX_BYTES}`);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', bytes };
  } catch (error) {
    if (controller.signal.aborted)
      throw new TileUnreachableError(`${new URL(url).host}: no answer in ${timeoutMs} ms`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** {@link fetchTile} with its failures as outcomes, for an answer that crosses to the page. */
export async function fetchTileOutcome(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<TileFetchOutcome> {
  try {
    const tile = await fetchTile(url, fetchImpl);
    return { kind: 'answered', ...tile };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return error instanceof TileUnreachableError
      ? { kind: 'unreachable', reason }
      : { kind: 'refused', reason };
  }
}
