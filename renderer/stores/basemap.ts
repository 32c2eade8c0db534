import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import {
  BASEMAP_CHOICES,
  DEFAULT_BASEMAP_SETTINGS,
  basemapLayers,
  cacheCapBytes,
  type BasemapChoice,
  type BasemapLayer,
  type BasemapSettings,
} from '../../shared/tiles/basemaps';
import { currentDb } from '../db/handle';
import { saveBasemapSettings, type SaveBasemapResult } from '../db/basemap-repo';
import type { SessionToken } from '../db/sessions';
import { tileService } from '../tiles/tile-protocol';
import { useMapUiStore } from './map-ui';
import type { TileEvent } from '../tiles/tile-loader';

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
  /** The provider could not be reached and cached tiles (or none) are drawn. */
  const offline = ref(false);
  /** The last refusal of the chosen provider, as an i18n key, until the choice changes. */
  const refusal = ref<string | null>(null);

  const layers = computed<readonly BasemapLayer[]>(() => {
    const planned = basemapLayers(choice.value, settings.value);
    return planned.ok ? planned.layers : [];
  });

  /** The tile cache's id of the centre's own server as now set (its tiles are kept under it). */
  const customId = computed(() => {
    const planned = basemapLayers('custom', settings.value);
    return planned.ok ? (planned.layers[0]?.id ?? null) : null;
  });

  function onTileEvent(event: TileEvent): void {
    if (!layers.value.some((l) => l.id === event.source)) return;
    if (event.kind === 'online') offline.value = false;
    else if (event.kind === 'stale' || event.kind === 'missing') offline.value = true;
    else if (event.kind === 'quota') refusal.value = 'offlineMap.quotaCache';
    else refusal.value = event.key;
  }

  /** Hands the layers to the tile loader; the township's own drawn map shows under 'own' only (a network basemap draws its own roads). */
  function publish(): void {
    useMapUiStore().toggle('basemap', choice.value === 'own');
    const service = tileService(onTileEvent);
    service.setSources(layers.value);
    service.setCap(cacheCapBytes(settings.value));
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
    refusal.value = null;
    offline.value = false;
    publish();
  }

  /** Shows another basemap, remembered for the centre on this PC; refused, with why, when it cannot be drawn. */
  function choose(next: BasemapChoice): { ok: true } | { ok: false; key: string } {
    const planned = basemapLayers(next, settings.value);
    if (!planned.ok) return planned;
    choice.value = next;
    refusal.value = null;
    offline.value = false;
    storage()?.setItem(choiceKey(centre.value), next);
    publish();
    return { ok: true };
  }

  async function save(input: BasemapSettings, session: SessionToken): Promise<SaveBasemapResult> {
    const result = await saveBasemapSettings(currentDb(), input, session);
    if (result.ok) setSettings(result.settings, centre.value);
    return result;
  }

  return { settings, choice, layers, customId, offline, refusal, setSettings, choose, save };
});
