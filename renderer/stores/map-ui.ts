import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type { MapSelection } from '../map/controller';
import { LAYER_GROUPS, type LayerGroup } from '../map/style';

/** What the operator has chosen to see: layer toggles, the selection, cursor and zoom read-outs. */
export const useMapUiStore = defineStore('map-ui', () => {
  const visible = reactive(
    Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as Record<LayerGroup, boolean>,
  );
  const selection = shallowRef<MapSelection | null>(null);
  const cursor = shallowRef<readonly [number, number] | null>(null);
  const zoom = ref(11);
  const layerPanelOpen = ref(true);
  /** Bumped to ask the map to fit the township; the map view watches it. */
  const fitRequest = ref(0);

  function toggle(group: LayerGroup, on?: boolean): void {
    visible[group] = on ?? !visible[group];
  }
  function select(next: MapSelection | null): void {
    selection.value = next;
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

  return {
    visible,
    selection,
    cursor,
    zoom,
    layerPanelOpen,
    fitRequest,
    toggle,
    select,
    setCursor,
    setZoom,
    toggleLayerPanel,
    requestFit,
  };
});
