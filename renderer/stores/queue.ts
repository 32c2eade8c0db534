import { defineStore } from 'pinia';
import { computed, reactive, ref, watch } from 'vue';
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

/** Queue rows drawn per page (see `shownRows`). */
export const QUEUE_PAGE = 150;

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

  // Rows drawn at a time: a busy street office holds 800+ cases in its queue, and drawing them all
  // again on every write costs more than it shows. The rest come a page at a time (显示更多); the
  // selected row is always drawn; filters and the sort start again from the first page.
  const pages = ref(1);
  watch([filters, sort], () => (pages.value = 1), { deep: true });
  const selection = useQueueSelection(rows);
  const shownRows = computed<QueueRow[]>(() => {
    const selected = rows.value.findIndex((r) => r.kase.id === selection.selectedId.value);
    return rows.value.slice(0, Math.max(pages.value * QUEUE_PAGE, selected + 1));
  });
  const hiddenRows = computed(() => rows.value.length - shownRows.value.length);
  function showMore(): void {
    pages.value += 1;
  }

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
    shownRows,
    hiddenRows,
    showMore,
    stageCounts,
    setFilter,
    resetFilters,
    ...clocks,
    ...selection,
    ...useQueueActions(),
  };
});
