import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import type { TownshipDataset } from '../../shared/model/dataset';
import type { Matter } from '../../shared/model/matter';
import type { Officer } from '../../shared/model/organisation';
import { prepareMatterSearch, searchMatters } from '../../shared/matters/search';

/**
 * The township without its case history: cases live in the cases store, read from the database as
 * they change, so no second, stale copy of them is kept here.
 */
export type TownshipSetup = Omit<TownshipDataset, 'cases'>;

const indexBy = <T, K>(items: readonly T[] | undefined, key: (item: T) => K): ReadonlyMap<K, T> =>
  new Map((items ?? []).map((item) => [key(item), item]));

/**
 * The township's geography, organisation and power list as loaded from the local database. The data
 * is large and read-only here, so it is held raw (no deep reactivity); replacing it triggers updates.
 */
export const useTownshipStore = defineStore('township', () => {
  const dataset = shallowRef<TownshipSetup | null>(null);

  const grids = computed(() => dataset.value?.grids ?? []);
  const patrolAreas = computed(() => dataset.value?.patrolAreas ?? []);
  const teams = computed(() => dataset.value?.teams ?? []);
  /** The roster with live positions: replaced as position reports arrive, apart from the dataset. */
  const liveOfficers = shallowRef<readonly Officer[] | null>(null);
  const officers = computed(() => liveOfficers.value ?? dataset.value?.officers ?? []);
  const gridByCode = computed(() => indexBy(dataset.value?.grids, (g) => g.code as string));
  const areaById = computed(() => indexBy(dataset.value?.patrolAreas, (a) => a.id));
  const teamById = computed(() => indexBy(dataset.value?.teams, (t) => t.id));
  const officerById = computed(() => indexBy(officers.value, (o) => o.id));
  const matterByCode = computed(() => indexBy(dataset.value?.matters, (m) => m.code));
  const communityByCode = computed(() => indexBy(dataset.value?.communities, (c) => c.code));
  const gridWorkerById = computed(() => indexBy(dataset.value?.gridWorkers, (w) => w.id));
  const officersOnDuty = computed(() => officers.value.filter((o) => o.status !== 'off-duty').length);

  function setDataset(next: TownshipDataset): void {
    const { cases, ...setup } = next;
    dataset.value = markRaw(setup);
    liveOfficers.value = null;
  }

  /** New positions (or statuses) of the officers; the rest of the dataset stays as it is. */
  function setOfficers(next: readonly Officer[]): void {
    liveOfficers.value = markRaw([...next]);
  }

  /**
   * The power list's matters for what someone typed into a matter field, best first (see
   * `searchMatters`: code, name, the words people use, pinyin initials); the whole list, in its order,
   * for an empty query. At most `limit`.
   */
  function findMatters(query: string, limit = 50): readonly Matter[] {
    const matters = dataset.value?.matters ?? [];
    if (query.trim() === '') return matters;
    return searchMatters(query, matters, limit).map((hit) => hit.matter);
  }
  /** Builds the matter search's index ahead of the first key press (about 0.1 s for the sample). */
  function prepareFindMatters(): void {
    prepareMatterSearch(dataset.value?.matters ?? []);
  }

  return {
    dataset,
    setOfficers,
    grids,
    patrolAreas,
    teams,
    officers,
    gridByCode,
    areaById,
    teamById,
    officerById,
    matterByCode,
    communityByCode,
    gridWorkerById,
    officersOnDuty,
    setDataset,
    findMatters,
    prepareFindMatters,
  };
});
