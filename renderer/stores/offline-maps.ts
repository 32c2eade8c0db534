import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { bbox } from '@turf/turf';
import type { Role } from '../../shared/cases/loop-types';
import type { BBox } from '../../shared/model/geo';
import { asGeoJson } from '../../shared/model/geo';
import { basemapDatum, basemapLayers, cacheCapBytes } from '../../shared/tiles/basemaps';
import {
  mayDownloadOffline,
  planOfflineDownload,
  type OfflineArea,
  type OfflinePlan,
  type OfflineReason,
} from '../../shared/tiles/offline-area';
import { platform } from '../platform';
import { createOfflineDownloader, type OfflineDownloader } from '../tiles/offline-download';
import { tileService } from '../tiles/tile-protocol';
import { useAuthStore } from './auth';
import { useBasemapStore } from './basemap';
import { useMapUiStore } from './map-ui';
import { useTownshipStore } from './township';

let downloader: OfflineDownloader | null = null;

/**
 * 离线地图下载: the areas this PC keeps for offline use (listed, with progress) and the one being planned
 * (its box, drawn on the map or the township's extent, and its zooms), for the current network basemap.
 * The downloads themselves run in renderer/tiles/offline-download.ts; this store plans, starts, pauses,
 * resumes and removes them, for a shift leader or an operator (the wall's read-only account does not).
 */
export const useOfflineMapsStore = defineStore('offline-maps', () => {
  const areas = shallowRef<readonly OfflineArea[]>([]);
  const panelOpen = ref(false);
  /** The planned area's box (WGS84 lon/lat), or null until one is drawn or the township picked. */
  const box = shallowRef<BBox | null>(null);
  const boxKind = ref<'township' | 'drawn'>('township');
  const minZoom = ref(12);
  const maxZoom = ref(15);
  const plan = shallowRef<OfflinePlan | null>(null);
  /** The last refusal of start/resume, until the next action. */
  const refusal = shallowRef<OfflineReason | null>(null);

  const running = computed(() => areas.value.find((a) => a.status === 'running')?.id ?? null);

  function service(): OfflineDownloader {
    if (downloader !== null) return downloader;
    const tiles = tileService();
    downloader = createOfflineDownloader({
      db: tiles.db,
      cache: tiles.cache,
      fetchTile: (url) => platform().tiles.fetch(url),
      layersFor: (area) => {
        const planned = basemapLayers(area.choice, useBasemapStore().settings);
        return planned.ok ? planned.layers : null;
      },
      onChange: (area) => {
        const list = areas.value.filter((a) => a.id !== area.id);
        areas.value = [...list, area].sort((a, b) => a.createdAt - b.createdAt);
      },
    });
    return downloader;
  }

  async function refresh(): Promise<void> {
    areas.value = await service().list();
  }

  /** After sign-in: the list, and a download the app was closed in the middle of goes on. */
  async function signedIn(role: Role): Promise<void> {
    await refresh();
    if (mayDownloadOffline(role)) await service().resumeInterrupted();
  }

  function townshipBox(): BBox | null {
    const d = useTownshipStore().dataset;
    if (d === null) return null;
    const [w, s, e, n] = bbox(asGeoJson(d.township.boundary));
    return [w, s, e, n];
  }

  async function open(): Promise<void> {
    panelOpen.value = true;
    refusal.value = null;
    if (box.value === null) {
      box.value = townshipBox();
      boxKind.value = 'township';
    }
    const z = Math.round(useMapUiStore().zoom);
    minZoom.value = Math.max(1, Math.min(z, 18));
    maxZoom.value = Math.min(minZoom.value + 3, 18);
    await refresh();
    await replan();
  }

  function close(): void {
    panelOpen.value = false;
    useMapUiStore().leaveMode('box');
  }

  /** Counts the planned area for the basemap now shown (the mean tile size from what the cache holds). */
  async function replan(): Promise<void> {
    const basemap = useBasemapStore();
    const sizes = await tileService().cache.sizes();
    const mean = (id: string): number | null => {
      const s = sizes.find((x) => x.source === id);
      return s === undefined || s.count === 0 ? null : s.bytes / s.count;
    };
    plan.value = planOfflineDownload({
      box: box.value ?? [0, 0, 0, 0],
      datum: basemapDatum(basemap.layers),
      minZoom: minZoom.value,
      maxZoom: maxZoom.value,
      layers: basemap.layers.map((l) => ({
        id: l.id,
        minZoom: l.endpoint.minZoom,
        maxZoom: l.endpoint.maxZoom,
        meanTileBytes: mean(l.id),
      })),
      capBytes: cacheCapBytes(basemap.settings),
      pinnedBytes: areas.value.reduce((n, a) => n + a.bytes, 0),
    });
  }

  function pickTownship(): void {
    box.value = townshipBox();
    boxKind.value = 'township';
    useMapUiStore().leaveMode('box');
    void replan();
  }

  function drawBox(): void {
    useMapUiStore().enterMode({ kind: 'box' });
  }

  /** A box drawn on the map (the map's box mode ends with it). */
  function boxDrawn(next: BBox): void {
    box.value = next;
    boxKind.value = 'drawn';
    useMapUiStore().leaveMode('box');
    void replan();
  }

  function setZooms(lo: number, hi: number): void {
    minZoom.value = lo;
    maxZoom.value = hi;
    void replan();
  }

  const allowed = (): boolean => mayDownloadOffline(useAuthStore().role ?? undefined);
  const notAllowed: OfflineReason = { key: 'offlineMap.refused.role', params: {} };

  /** Starts downloading the planned area (refused, with why, as the plan or the role says). */
  async function start(name: string): Promise<boolean> {
    refusal.value = null;
    if (!allowed()) return ((refusal.value = notAllowed), false);
    await replan();
    const planned = plan.value;
    const basemap = useBasemapStore();
    if (planned === null || planned.refused !== null || box.value === null) {
      refusal.value = planned?.refused ?? null;
      return false;
    }
    const createdAt = Date.now();
    const started = await service().start({
      id: `area-${createdAt.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
      name,
      bbox: box.value,
      minZoom: minZoom.value,
      maxZoom: maxZoom.value,
      choice: basemap.choice,
      sources: basemap.layers.map((l) => l.id),
      createdAt,
    });
    if (!started.ok) refusal.value = started.reason;
    useMapUiStore().leaveMode('box');
    return started.ok;
  }

  async function pause(id: string): Promise<void> {
    await service().pause(id);
  }

  async function resume(id: string): Promise<void> {
    refusal.value = null;
    if (!allowed()) return void (refusal.value = notAllowed);
    const resumed = await service().resume(id);
    if (!resumed.ok) refusal.value = resumed.reason;
  }

  /** Removes an area (cancels it if it is downloading); its tiles become ordinary cached tiles. */
  async function remove(id: string): Promise<void> {
    await service().remove(id);
    await refresh();
    await replan();
  }

  return {
    areas,
    panelOpen,
    box,
    boxKind,
    minZoom,
    maxZoom,
    plan,
    refusal,
    running,
    signedIn,
    open,
    close,
    replan,
    pickTownship,
    drawBox,
    boxDrawn,
    setZooms,
    start,
    pause,
    resume,
    remove,
    refresh,
  };
});
