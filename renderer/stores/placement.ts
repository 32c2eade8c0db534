import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import {
  isFarOutside,
  resolveResponsibility,
  type Responsibility,
} from '../../shared/assignment/responsibility';
import { recommendDispatch, type DispatchRecommendation } from '../../shared/assignment/recommend';
import { autoDispatchTarget } from '../../shared/assignment/proposal';
import type { DispatchTarget } from '../../shared/cases/loop-types';
import type { Case } from '../../shared/model/case';
import { roadNetworkFor, type RoadNetwork } from '../../shared/roads/network';
import { spatial } from '../spatial/client';
import { useTownshipStore } from './township';
import { useCasesStore } from './cases';
import { useMapUiStore } from './map-ui';

/**
 * Placing an incident: the operator clicks the map or types coordinates, and the spatial worker says
 * which grid it is in; the patrol area and team follow from the organisation.
 */
export const usePlacementStore = defineStore('placement', () => {
  /** Whether the map is in `place` mode (a click places the incident); the map-ui store holds the mode. */
  const placing = computed(() => useMapUiStore().mode.kind === 'place');
  const point = shallowRef<readonly [number, number] | null>(null);
  const result = shallowRef<Responsibility | null>(null);
  const error = ref<string | null>(null);
  /** The enforcement matter the operator has chosen, if any: it decides whether two certified officers are needed. */
  const matterCode = ref<string | null>(null);
  const dispatch = shallowRef<DispatchRecommendation | null>(null);
  let request = 0;

  /**
   * The township's road network, built on first use and cached per dataset (per `basemap.roads`
   * array): building the sample's takes 10–40 ms, so it is not done when the dataset loads but when
   * placing starts, and reused for every recommendation after. Undefined without roads.
   */
  function roadNetwork(): RoadNetwork | undefined {
    const roads = useTownshipStore().dataset?.basemap.roads;
    return roads && roads.length > 0 ? roadNetworkFor(roads) : undefined;
  }

  /**
   * Ranks officers for the placed incident, from the current officers, open cases and matter; none for
   * a point far outside the township (see `isFarOutside`), which is only referred.
   */
  function recommend(): void {
    if (!point.value || !result.value) return;
    if (isFarOutside(result.value)) {
      dispatch.value = null;
      return;
    }
    const township = useTownshipStore();
    dispatch.value = recommendDispatch({
      point: point.value,
      responsibility: result.value,
      matter: matterCode.value ? township.matterByCode.get(matterCode.value) : undefined,
      officers: township.officers,
      openCases: useCasesStore().openCases,
      now: Date.now(),
      roads: roadNetwork(),
    });
  }

  /**
   * Whom intake's one-step 派遣 sends the placed incident to: the responsible team with the certified
   * pair or the best-ranked officer; null outside every grid, before a recommendation, or when
   * certified officers are short (see `autoDispatchTarget`).
   */
  const target = computed<DispatchTarget | null>(() => {
    const r = result.value;
    return r?.kind === 'inside' ? autoDispatchTarget(r.team.id, dispatch.value) : null;
  });

  /**
   * Ranks officers for dispatching a stored case (the 派遣 dialog), from where they are now, their
   * load and the case's matter, with the case's team as the responsible one. Reactive: read it in a
   * computed to follow positions and open cases.
   */
  function recommendForCase(kase: Case): DispatchRecommendation {
    const township = useTownshipStore();
    return recommendDispatch({
      point: kase.location,
      responsibility: { kind: 'inside', team: { id: kase.teamId } },
      matter: township.matterByCode.get(kase.matterCode),
      officers: township.officers,
      openCases: useCasesStore().openCases,
      now: Date.now(),
      roads: roadNetwork(),
    });
  }

  function setMatter(code: string | null): void {
    matterCode.value = code;
    recommend();
  }

  function start(): void {
    useMapUiStore().enterMode({ kind: 'place' });
    // Build the road network and the matter search while the operator moves to the map, not on the
    // click or the first key.
    setTimeout(() => {
      roadNetwork();
      useTownshipStore().prepareFindMatters();
    }, 0);
  }

  function cancel(): void {
    request += 1; // an answer still on its way is for a point the operator has dropped
    useMapUiStore().leaveMode('place');
    point.value = null;
    result.value = null;
    dispatch.value = null;
    error.value = null;
    matterCode.value = null;
  }

  async function placeAt(lonLat: readonly [number, number]): Promise<void> {
    const mine = ++request;
    useMapUiStore().enterMode({ kind: 'place' });
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
      recommend();
    } catch (e) {
      if (mine === request) error.value = e instanceof Error ? e.message : String(e);
    }
  }

  return {
    placing,
    point,
    result,
    error,
    matterCode,
    dispatch,
    target,
    start,
    cancel,
    placeAt,
    setMatter,
    recommendForCase,
  };
});
