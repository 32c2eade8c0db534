/**
 * The offline download (离线地图下载): fetches an area's tiles, every layer of its basemap, through the same
 * host fetch the map's tiles take (IPC tiles:fetch in Electron, the web server's /tile-proxy in a
 * browser), at most {@link DOWNLOAD_CONCURRENCY} in flight and {@link DOWNLOAD_MAX_PER_SECOND} a second,
 * and writes them pinned into the tile cache {@link DOWNLOAD_BATCH} places at a time, each batch in one
 * transaction with the area's resume cursor.
 *
 * It runs on the page's thread as async I/O, not in a worker: in Electron the host fetch is the
 * preload's API, which only the page has. Each tile costs the page a fetch callback and, per batch, one
 * IndexedDB transaction; the UI thread never waits on it.
 *
 * One download runs at a time. Pause stops asking for tiles and keeps the places whose every layer
 * arrived; a provider that cannot be reached pauses it (resume when the line is back); a refusal (a wrong
 * 天地图 key) or a full disk fails it with the reason; all three can be resumed. An area left running
 * when the app closed goes on when the app is next started with its basemap's settings.
 */
import type { TileFetchOutcome } from '../../shared/ipc/contract';
import { basemapDatum, type BasemapLayer } from '../../shared/tiles/basemaps';
import { servesZoom, tileAnswer, tileUrl } from '../../shared/tiles/endpoint';
import {
  DOWNLOAD_BATCH,
  DOWNLOAD_CONCURRENCY,
  DOWNLOAD_MAX_PER_SECOND,
  createPace,
  remainingPlaces,
  tileBoxOf,
  tilesToUnpin,
  type OfflineArea,
  type OfflineReason,
} from '../../shared/tiles/offline-area';
import { countTiles, type TileId } from '../../shared/tiles/tile-math';
import { isQuotaError, tileKey, type TileCache, type TileCacheDb, type TileToKeep } from './tile-cache';

export interface OfflineDownloaderDeps {
  readonly db: TileCacheDb;
  readonly cache: TileCache;
  readonly fetchTile: (url: string) => Promise<TileFetchOutcome>;
  /** The area's basemap layers under the centre's settings now, or null when they are not available. */
  readonly layersFor: (area: OfflineArea) => readonly BasemapLayer[] | null;
  /** An area changed (progress, status): the list re-reads it. */
  readonly onChange: (area: OfflineArea) => void;
  readonly now?: () => number;
  readonly pace?: { readonly concurrency: number; readonly perSecond: number };
  /** Waits `ms` (tests may pass a faster clock). */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface OfflineDownloader {
  /**
   * Keeps a new area and starts downloading it; refused while another download runs, or when its
   * basemap's layers are not available. Its tiles are those that draw its WGS84 box where the basemap
   * draws it ({@link tileBoxOf}: ~500 m off over a GCJ-02 basemap), counted here.
   */
  start(area: NewOfflineArea): Promise<{ ok: true } | { ok: false; reason: OfflineReason }>;
  pause(id: string): Promise<void>;
  resume(id: string): Promise<{ ok: true } | { ok: false; reason: OfflineReason }>;
  /** Stops a download and removes the area (its tiles become ordinary cached tiles). */
  remove(id: string): Promise<void>;
  list(): Promise<OfflineArea[]>;
  /** Goes on with an area left running when the app last closed. */
  resumeInterrupted(): Promise<void>;
  /** The running download's end (tests). */
  idle(): Promise<void>;
  readonly running: string | null;
}

/** An area as the planner hands it over: its WGS84 box, zooms and basemap; its tiles are counted on start. */
export type NewOfflineArea = Omit<
  OfflineArea,
  'tileBox' | 'places' | 'done' | 'tiles' | 'bytes' | 'status' | 'reason'
>;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type TileResult =
  | { readonly kind: 'tile'; readonly tile: TileToKeep }
  | { readonly kind: 'none' }
  | { readonly kind: 'stop'; readonly status: 'paused' | 'failed'; readonly reason: OfflineReason };

export function createOfflineDownloader(deps: OfflineDownloaderDeps): OfflineDownloader {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? wait;
  const concurrency = deps.pace?.concurrency ?? DOWNLOAD_CONCURRENCY;
  const pace = createPace(deps.pace?.perSecond ?? DOWNLOAD_MAX_PER_SECOND);
  let current: { id: string; stop: 'pause' | 'remove' | null; done: Promise<void> } | null = null;

  const busy: OfflineReason = { key: 'offlineMap.refused.busy', params: {} };
  const basemapChanged: OfflineReason = { key: 'offlineMap.stopped.basemapChanged', params: {} };

  async function fetchOne(layer: BasemapLayer, place: TileId): Promise<TileResult> {
    if (!servesZoom(layer.endpoint, place.z)) return { kind: 'none' };
    const outcome = await deps.fetchTile(tileUrl(layer.endpoint, place));
    if (outcome.kind === 'unreachable')
      return {
        kind: 'stop',
        status: 'paused',
        reason: { key: 'offlineMap.stopped.unreachable', params: { reason: outcome.reason } },
      };
    if (outcome.kind === 'refused')
      return {
        kind: 'stop',
        status: 'failed',
        reason: { key: 'offlineMap.stopped.refusedUrl', params: { reason: outcome.reason } },
      };
    const answer = tileAnswer(outcome.status, layer.provider);
    if (answer.kind === 'refused')
      return { kind: 'stop', status: 'failed', reason: { key: answer.key, params: {} } };
    if (answer.kind === 'empty' || outcome.bytes.byteLength === 0) return { kind: 'none' };
    return {
      kind: 'tile',
      tile: {
        key: tileKey(layer.id, place),
        source: layer.id,
        bytes: outcome.bytes,
        contentType: outcome.contentType,
        fetchedAt: now(),
        maxAgeMs: layer.maxAgeMs,
        pinned: true,
      },
    };
  }

  /** Fetches one batch of places; the results of the places whose every layer arrived, in order. */
  async function fetchBatch(
    places: readonly TileId[],
    layers: readonly BasemapLayer[],
    stopped: () => boolean,
  ): Promise<{ complete: TileResult[][]; stop: (TileResult & { kind: 'stop' }) | null }> {
    const results: (TileResult | undefined)[][] = places.map(() => layers.map(() => undefined));
    const tasks = places.flatMap((place, p) => layers.map((layer, l) => ({ place, p, layer, l })));
    let next = 0;
    let stop: (TileResult & { kind: 'stop' }) | null = null;
    const worker = async (): Promise<void> => {
      while (next < tasks.length && stop === null && !stopped()) {
        const task = tasks[next++] as (typeof tasks)[number];
        await sleep(pace.next(now()));
        if (stop !== null || stopped()) return;
        const result = await fetchOne(task.layer, task.place).catch((error: unknown): TileResult => ({
          kind: 'stop',
          status: 'paused',
          reason: { key: 'offlineMap.stopped.unreachable', params: { reason: String(error) } },
        }));
        if (result.kind === 'stop') stop ??= result;
        else (results[task.p] as (TileResult | undefined)[])[task.l] = result;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
    const complete: TileResult[][] = [];
    for (const row of results) {
      if (row.some((r) => r === undefined)) break;
      complete.push(row as TileResult[]);
    }
    return { complete, stop };
  }

  async function setStatus(
    id: string,
    status: OfflineArea['status'],
    reason: OfflineReason | null,
  ): Promise<void> {
    await deps.db.areas.update(id, { status, reason });
    const area = await deps.db.areas.get(id);
    if (area !== undefined) deps.onChange(area);
  }

  async function run(id: string, control: { stop: 'pause' | 'remove' | null }): Promise<void> {
    const first = await deps.db.areas.get(id);
    if (first === undefined) return;
    const layers = deps.layersFor(first);
    if (layers === null || layers.map((l) => l.id).join() !== first.sources.join()) {
      await setStatus(id, 'failed', basemapChanged);
      return;
    }
    await setStatus(id, 'running', null);
    const places = remainingPlaces(first);
    for (;;) {
      const batch: TileId[] = [];
      for (let i = 0; i < DOWNLOAD_BATCH; i += 1) {
        const p = places.next();
        if (p.done === true) break;
        batch.push(p.value);
      }
      if (batch.length === 0) {
        await setStatus(id, 'done', null);
        return;
      }
      const { complete, stop } = await fetchBatch(batch, layers, () => control.stop !== null);
      if (control.stop === 'remove') return;
      const tiles = complete.flat().flatMap((r) => (r.kind === 'tile' ? [r.tile] : []));
      let written: OfflineArea | undefined;
      try {
        written = await deps.cache.putBatch(tiles, async () => {
          const area = await deps.db.areas.get(id);
          if (area === undefined) return undefined;
          const next: OfflineArea = {
            ...area,
            done: area.done + complete.length,
            tiles: area.tiles + tiles.length,
            bytes: area.bytes + tiles.reduce((n, t) => n + t.bytes.byteLength, 0),
          };
          await deps.db.areas.put(next);
          return next;
        });
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        // The disk is full: nothing of this batch was kept and the cursor stays before it.
        await setStatus(id, 'failed', { key: 'offlineMap.stopped.quota', params: {} });
        return;
      }
      if (written === undefined) return; // removed meanwhile (the cache cleared for its source)
      deps.onChange(written);
      if (stop !== null) {
        await setStatus(id, stop.status, stop.reason);
        return;
      }
      if (control.stop === 'pause') {
        await setStatus(id, 'paused', null);
        return;
      }
    }
  }

  function launch(id: string): void {
    const control: { id: string; stop: 'pause' | 'remove' | null; done: Promise<void> } = {
      id,
      stop: null,
      done: Promise.resolve(),
    };
    control.done = run(id, control)
      .catch(async (error: unknown) => {
        console.error('[offline download]', error);
        await setStatus(id, 'failed', {
          key: 'offlineMap.stopped.error',
          params: { reason: error instanceof Error ? error.message : String(error) },
        }).catch(() => undefined);
      })
      .finally(() => {
        if (current === control) current = null;
      });
    current = control;
  }

  return {
    async start(input) {
      if (current !== null) return { ok: false, reason: busy };
      const draft: OfflineArea = {
        ...input,
        places: 0,
        done: 0,
        tiles: 0,
        bytes: 0,
        status: 'running',
        reason: null,
      };
      const layers = deps.layersFor(draft);
      if (layers === null) return { ok: false, reason: basemapChanged };
      const tileBox = tileBoxOf(input.bbox, basemapDatum(layers));
      const area: OfflineArea = {
        ...draft,
        tileBox,
        places: countTiles(tileBox, input.minZoom, input.maxZoom),
      };
      await deps.db.areas.add(area);
      deps.onChange(area);
      launch(area.id);
      return { ok: true };
    },
    async pause(id) {
      if (current?.id !== id) return;
      current.stop = 'pause';
      await current.done;
    },
    async resume(id) {
      if (current !== null) return current.id === id ? { ok: true } : { ok: false, reason: busy };
      const area = await deps.db.areas.get(id);
      if (area === undefined || area.status === 'done') return { ok: true };
      launch(id);
      return { ok: true };
    },
    async remove(id) {
      if (current?.id === id) {
        current.stop = 'remove';
        await current.done;
      }
      const areas = await deps.db.areas.toArray();
      const removed = areas.find((a) => a.id === id);
      if (removed === undefined) return;
      const others = areas.filter((a) => a.id !== id);
      const keys = [...tilesToUnpin(removed, others)].map(({ source, tile }) => tileKey(source, tile));
      await deps.cache.unpin(keys, () => deps.db.areas.delete(id));
    },
    list: async () => (await deps.db.areas.toArray()).sort((a, b) => a.createdAt - b.createdAt),
    async resumeInterrupted() {
      if (current !== null) return;
      const left = (await deps.db.areas.toArray()).find((a) => a.status === 'running');
      if (left !== undefined) launch(left.id);
    },
    idle: async () => {
      while (current !== null) await current.done;
    },
    get running() {
      return current?.id ?? null;
    },
  };
}
