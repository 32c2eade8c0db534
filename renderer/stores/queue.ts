import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import {
  countByStage,
  EMPTY_FILTERS,
  filterBeforeStage,
  stageRowsSorted,
  type QueueFilters,
  type QueueRow,
  type QueueSort,
} from '../../shared/cases/queue-rows';
import { useCasesStore } from './cases';
import { useQueueActions } from './queue-actions';
import { useQueueClocks } from './queue-clocks';
import { useQueueSelection } from './queue-selection';

export type { QueueClock, QueueFilters, QueueRow, QueueSort } from '../../shared/cases/queue-rows';
export {
  ACTION_KEYS,
  ACTIONS_WITH_INPUT,
  acknowledgeText,
  actionForKey,
  durationText,
  isTyping,
} from './queue-keys';
export { primaryAction } from './next-action';

/**
 * The case queue's view state, one store made of its jobs: the rows with their filters and sort
 * (here, over the pure functions of shared/cases/queue-rows.ts), the running stage clocks
 * (queue-clocks.ts), the keyboard selection and the open case (queue-selection.ts) and the action
 * waiting for its dialog (queue-actions.ts). The cases themselves come from the cases store, which
 * follows the database.
 */
export const useQueueStore = defineStore('queue', () => {
  const filters = reactive<QueueFilters>({ ...EMPTY_FILTERS });
  const sort = ref<QueueSort>('timeLeft');
  const clocks = useQueueClocks();

  const allRows = computed<QueueRow[]>(() => {
    const cases = useCasesStore();
    return cases.queueCases.map((kase) => ({
      kase,
      loop: cases.loops.get(kase.id),
      clock: clocks.clocks.value.get(kase.id) ?? null,
      acknowledge: clocks.acknowledgeClocks.value.get(kase.id) ?? null,
    }));
  });
  /** Rows passing every filter but the stage: what the stage chips count. */
  const beforeStage = computed(() => filterBeforeStage(allRows.value, filters));
  const stageCounts = computed(() => countByStage(beforeStage.value));
  const rows = computed<QueueRow[]>(() => stageRowsSorted(beforeStage.value, filters.stage, sort.value));

  function setFilter<K extends keyof QueueFilters>(key: K, value: QueueFilters[K]): void {
    filters[key] = value;
  }
  function resetFilters(): void {
    Object.assign(filters, EMPTY_FILTERS);
  }

  return {
    filters,
    sort,
    rows,
    stageCounts,
    setFilter,
    resetFilters,
    ...clocks,
    ...useQueueSelection(rows),
    ...useQueueActions(),
  };
});
