import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type { MapSelection } from '../map/layer-module';
import { LAYER_GROUPS, type LayerGroup } from '../map/registry';
import { SELECT_MODE, leaveMode as leaving, type MapMode, type MapModeKind } from '../map/modes';

/**
 * What the operator has chosen to see and do on the map: layer toggles, the selection, what a click does
 * (the mode), the officer the map follows, cursor and zoom read-outs.
 */
export const useMapUiStore = defineStore('map-ui', () => {
  const visible = reactive(
    Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as Record<LayerGroup, boolean>,
  );
  const selection = shallowRef<MapSelection | null>(null);
  /** What a click on the map does now; every gesture enters and leaves its mode here. */
  const mode = shallowRef<MapMode>(SELECT_MODE);
  const cursor = shallowRef<readonly [number, number] | null>(null);
  const zoom = ref(11);
  const layerPanelOpen = ref(true);
  /** Bumped to ask the map to fit the township; the map view watches it. */
  const fitRequest = ref(0);
  /**
   * The officer the map keeps centred on as they move (跟随), by id; null: none. Ends when the user pans
   * the map, focuses a case, or follows someone else (views/units/OfficerFollow.vue).
   */
  const following = ref<string | null>(null);

  function toggle(group: LayerGroup, on?: boolean): void {
    visible[group] = on ?? !visible[group];
  }
  function select(next: MapSelection | null): void {
    selection.value = next;
  }
  /** Starts a gesture (whatever the mode was, the new one replaces it). */
  function enterMode(next: MapMode): void {
    mode.value = next;
  }
  /** Ends the gesture `kind` if it is the current one (back to selecting); any other mode stays. */
  function leaveMode(kind: MapModeKind): void {
    mode.value = leaving(mode.value, kind);
  }
  function setCursor(next: readonly [number, number] | null): void {
    cursor.value = next;
  }
  function setZoom(next: number): void {
    zoom.value = next;
  }
  function toggleLayerPanel(): void {
    layerPanelOpen.value = !layerPanelOpen.value;
  }
  function requestFit(): void {
    fitRequest.value += 1;
  }
  function follow(officerId: string): void {
    following.value = officerId;
  }
  function stopFollowing(): void {
    following.value = null;
  }

  return {
    visible,
    selection,
    mode,
    cursor,
    zoom,
    layerPanelOpen,
    fitRequest,
    following,
    toggle,
    select,
    enterMode,
    leaveMode,
    setCursor,
    setZoom,
    toggleLayerPanel,
    requestFit,
    follow,
    stopFollowing,
  };
});
