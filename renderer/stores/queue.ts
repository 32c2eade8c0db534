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

  // A row keeps its object while its case, loop state and clocks are the same ones, so after a write
  // only the rows of the cases it touched are drawn again, not the whole page.
  let lastRows = new Map<string, QueueRow>();
  const allRows = computed<QueueRow[]>(() => {
    const cases = useCasesStore();
    const next = new Map<string, QueueRow>();
    const out = cases.queueCases.map((kase) => {
      const loop = cases.loops.get(kase.id);
      const clock = clocks.clocks.value.get(kase.id) ?? null;
      const acknowledge = clocks.acknowledgeClocks.value.get(kase.id) ?? null;
      const held = lastRows.get(kase.id);
      const row =
        held !== undefined &&
        held.kase === kase &&
        held.loop === loop &&
        held.clock === clock &&
        held.acknowledge === acknowledge
          ? held
          : { kase, loop, clock, acknowledge };
      next.set(kase.id, row);
      return row;
    });
    lastRows = next;
    return out;
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
