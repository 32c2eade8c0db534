import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { resolveResponsibility, type Responsibility } from '../../shared/assignment/responsibility';
import { spatial } from '../spatial/client';
import { useTownshipStore } from './township';

/**
 * Placing an incident: the operator clicks the map or types coordinates, and the spatial worker says
 * which grid it is in; the patrol area and team follow from the organisation.
 */
export const usePlacementStore = defineStore('placement', () => {
  const placing = ref(false);
  const point = shallowRef<readonly [number, number] | null>(null);
  const result = shallowRef<Responsibility | null>(null);
  const error = ref<string | null>(null);
  let request = 0;

  function start(): void {
    placing.value = true;
  }

  function cancel(): void {
    placing.value = false;
    point.value = null;
    result.value = null;
    error.value = null;
  }

  async function placeAt(lonLat: readonly [number, number]): Promise<void> {
    const mine = ++request;
    placing.value = true;
    point.value = lonLat;
    error.value = null;
    try {
      const hit = await spatial().locate(lonLat[0], lonLat[1]);
      if (mine !== request) return; // a newer placement has superseded this one
      const township = useTownshipStore();
      result.value = resolveResponsibility(hit, {
        grids: township.grids,
        patrolAreas: township.patrolAreas,
        teams: township.teams,
      });
    } catch (e) {
      if (mine === request) error.value = e instanceof Error ? e.message : String(e);
    }
  }

  return { placing, point, result, error, start, cancel, placeAt };
});
