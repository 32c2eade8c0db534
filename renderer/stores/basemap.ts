import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import {
  BASEMAP_CHOICES,
  DEFAULT_BASEMAP_SETTINGS,
  basemapLayers,
  cacheCapBytes,
  localBasemapOf,
  type BasemapChoice,
  type BasemapLayer,
  type BasemapSettings,
} from '../../shared/tiles/basemaps';
import { currentDb } from '../db/handle';
import { saveBasemapSettings, type SaveBasemapResult } from '../db/basemap-repo';
import type { SessionToken } from '../db/sessions';
import { tileService } from '../tiles/tile-protocol';
import { useMapUiStore } from './map-ui';
import {
  FRESH_BASEMAP_STATUS,
  basemapStatusAfter,
  type BasemapStatus,
  type TileEvent,
} from '../../shared/tiles/basemap-status';
import { openLocalLayer, type LocalBasemapLayer } from '../tiles/local-protocol';
import { platform } from '../platform';
import type { BasemapFilePick } from '../../shared/ipc/contract';
import type { LocalBasemapFile, LocalProblem } from '../../shared/tiles/local-files';
import { readWmtsServer } from '../../shared/tiles/wmts-source';
import { parseTemplate } from '../../shared/tiles/endpoint';
import { probeVectorLayers, type VectorProbe } from '../../shared/tiles/vector-probe';
import { useTownshipStore } from './township';
import { bbox } from '@turf/turf';
import { asGeoJson, type AreaGeometry, type LonLat } from '../../shared/model/geo';

/** The middle of a township's bounding box, where a tile server's tiles are read. */
function townshipCentre(boundary: AreaGeometry): LonLat {
  const [w, s, e, n] = bbox(asGeoJson(boundary));
  return [(w + e) / 2, (s + n) / 2];
}

/** Where a PC remembers which basemap it shows for a centre (its database's name). */
const choiceKey = (centre: string): string => `griddesk.basemap.${centre}`;

function storage(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

/**
 * The basemap under the grids (底图): the centre's settings, this PC's choice for the centre, and what
 * the tile loader last reported (offline and drawing cached tiles; a provider refusing). The map view
 * draws `layers`; the layer panel offers the choices, the status bar shows `offline`.
 */
export const useBasemapStore = defineStore('basemap', () => {
  const settings = shallowRef<BasemapSettings>(DEFAULT_BASEMAP_SETTINGS);
  const centre = ref('');
  const choice = ref<BasemapChoice>('own');
  /** What the tile loader reported of the chosen basemap, until the choice changes. */
  const status = shallowRef<BasemapStatus>(FRESH_BASEMAP_STATUS);
  /** The provider could not be reached and cached tiles (or none) are drawn. */
  const offline = computed(() => status.value.offline);
  /** The last refusal of the chosen provider, as an i18n key, until the choice changes. */
  const refusal = computed(() => status.value.refusal);

  const layers = computed<readonly BasemapLayer[]>(() => {
    const planned = basemapLayers(choice.value, settings.value);
    return planned.ok ? planned.layers : [];
  });

  /** The tile cache's id of the centre's own server as now set (its tiles are kept under it). */
  const customId = computed(() => {
    const planned = basemapLayers('custom', settings.value);
    return planned.ok ? (planned.layers[0]?.id ?? null) : null;
  });

  /** The local file the choice draws, if any. */
  const local = computed(() => localBasemapOf(choice.value, settings.value));
  /** The local file, opened and ready to draw (null until it is, or when it cannot be). */
  const localLayer = shallowRef<LocalBasemapLayer | null>(null);
  /** Why the local file cannot be drawn (named), until the choice changes. */
  const localProblem = shallowRef<LocalProblem | null>(null);
  let opening = 0;
  let openedFile: LocalBasemapFile | null = null;

  /** Opens the chosen local file for the map, once per file; the map keeps its other layers if it fails. */
  async function openLocal(): Promise<void> {
    const file = local.value;
    if (file !== null && openedFile !== null && file.id === openedFile.id && localLayer.value !== null)
      return;
    const n = ++opening;
    localLayer.value = null;
    localProblem.value = null;
    openedFile = null;
    if (file === null) return;
    const result = await openLocalLayer(file);
    if (n !== opening) return;
    if (result.ok) {
      openedFile = file;
      localLayer.value = markRaw(result.layer);
    } else localProblem.value = markRaw(result.problem);
  }

  function onTileEvent(event: TileEvent): void {
    if (!layers.value.some((l) => l.id === event.source)) return;
    status.value = basemapStatusAfter(status.value, event);
  }

  /** Hands the layers to the tile loader; the township's own drawn map shows under 'own' only (a network basemap draws its own roads). */
  function publish(): void {
    useMapUiStore().toggle('basemap', choice.value === 'own');
    status.value = { ...status.value, answers: {} };
    const service = tileService(onTileEvent);
    service.setSources(layers.value);
    service.setCap(cacheCapBytes(settings.value));
    void openLocal();
  }

  /** The centre's settings as loaded, and this PC's choice for it (a choice it can no longer draw falls back). */
  function setSettings(next: BasemapSettings, centreName: string): void {
    settings.value = markRaw(next);
    centre.value = centreName;
    const stored = storage()?.getItem(choiceKey(centreName));
    const remembered = (BASEMAP_CHOICES as readonly string[]).includes(stored ?? '')
      ? (stored as BasemapChoice)
      : 'own';
    choice.value = basemapLayers(remembered, next).ok ? remembered : 'own';
    status.value = FRESH_BASEMAP_STATUS;
    publish();
  }

  /** Shows another basemap, remembered for the centre on this PC; refused, with why, when it cannot be drawn. */
  function choose(next: BasemapChoice): { ok: true } | { ok: false; key: string } {
    const planned = basemapLayers(next, settings.value);
    if (!planned.ok) return planned;
    choice.value = next;
    status.value = FRESH_BASEMAP_STATUS;
    storage()?.setItem(choiceKey(centre.value), next);
    publish();
    return { ok: true };
  }

  async function save(input: BasemapSettings, session: SessionToken): Promise<SaveBasemapResult> {
    const result = await saveBasemapSettings(currentDb(), input, session);
    if (result.ok) setSettings(result.settings, centre.value);
    return result;
  }

  /** Reads a WMTS server's capabilities through the host (the dialog lists its layers). */
  const readWmts = (url: string) => readWmtsServer(url, (u) => platform().tiles.fetch(u));
  /**
   * The source layers of a vector tile server, read from its tiles over the township's centre (or
   * why they cannot be); a template the map cannot use is named as the settings check names it.
   */
  async function readVectorLayers(custom: {
    readonly template: string;
    readonly subdomains: string;
    readonly maxZoom: number;
  }): Promise<VectorProbe | { ok: false; key: string; params: Readonly<Record<string, string>> }> {
    const parsed = parseTemplate(custom.template.trim(), {
      subdomains: custom.subdomains,
      maxZoom: custom.maxZoom,
    });
    if (!parsed.ok) return { ok: false, key: parsed.problem.key, params: parsed.problem.params };
    const d = useTownshipStore().dataset;
    const at = d === null ? ([0, 0] as const) : townshipCentre(d.township.boundary);
    return probeVectorLayers(parsed.endpoint, at, (u) => platform().tiles.fetch(u));
  }
  /** The local basemap files the host offers. */
  const listLocalFiles = (): Promise<LocalBasemapFile[]> => platform().basemapFiles.list();
  /** Asks the leader to pick a local file (Electron's file dialog). */
  const pickLocalFile = (): Promise<BasemapFilePick> => platform().basemapFiles.pick();
  /** Whether the host has a file dialog (Electron); a browser lists the web server's folder instead. */
  const canPickLocalFiles = (): boolean => platform().kind === 'electron';

  return {
    settings,
    choice,
    layers,
    customId,
    readVectorLayers,
    offline,
    refusal,
    local,
    localLayer,
    localProblem,
    setSettings,
    choose,
    save,
    readWmts,
    listLocalFiles,
    pickLocalFile,
    canPickLocalFiles,
  };
});
