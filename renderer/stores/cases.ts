import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import { ALL_STAGES, type Case, type LoopStage } from '../../shared/model/case';

/** The open cases on the map and in the queue, as plain data from the local database. */
export const useCasesStore = defineStore('cases', () => {
  const openCases = shallowRef<readonly Case[]>([]);

  const caseById = computed(() => new Map(openCases.value.map((c) => [c.id, c])));
  const countsByStage = computed(() => {
    const counts = Object.fromEntries(ALL_STAGES.map((s) => [s, 0])) as Record<LoopStage, number>;
    for (const c of openCases.value) counts[c.stage] += 1;
    return counts;
  });
  const openCountByGrid = computed(() => {
    const counts = new Map<string, number>();
    for (const c of openCases.value) counts.set(c.gridCode, (counts.get(c.gridCode) ?? 0) + 1);
    return counts;
  });

  function setOpenCases(cases: readonly Case[]): void {
    openCases.value = markRaw([...cases]);
  }

  return { openCases, caseById, countsByStage, openCountByGrid, setOpenCases };
});
