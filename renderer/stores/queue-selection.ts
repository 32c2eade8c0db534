import { computed, ref, type Ref } from 'vue';
import type { QueueRow } from '../../shared/cases/queue-rows';

/**
 * The queue's keyboard selection and the case open in the detail panel (part of the queue store's
 * setup), over the rows as shown (`rows`, filtered and sorted).
 */
export function useQueueSelection(rows: Readonly<Ref<readonly QueueRow[]>>) {
  const collapsed = ref(false);
  const selectedId = ref<string | null>(null);
  const openId = ref<string | null>(null);
  /** Bumped to ask the queue list to take the keyboard focus. */
  const focusRequest = ref(0);
  /** Bumped with each selection or opening, so the map flies to the case even when it is the same one. */
  const focusSeq = ref(0);

  const selectedRow = computed(() => rows.value.find((r) => r.kase.id === selectedId.value) ?? null);

  function select(id: string | null): void {
    selectedId.value = id;
    focusSeq.value += 1;
  }
  /** Moves the selection `step` rows down (negative: up), staying within the list. */
  function moveSelection(step: number): void {
    const list = rows.value;
    if (list.length === 0) return;
    const index = list.findIndex((r) => r.kase.id === selectedId.value);
    const next = index < 0 ? (step > 0 ? 0 : list.length - 1) : index + step;
    const row = list[Math.max(0, Math.min(list.length - 1, next))];
    if (row) select(row.kase.id);
  }
  function openCase(id: string): void {
    selectedId.value = id;
    openId.value = id;
    focusSeq.value += 1;
  }
  function closeCase(): void {
    openId.value = null;
  }
  function toggleCollapsed(): void {
    collapsed.value = !collapsed.value;
  }
  function requestFocus(): void {
    collapsed.value = false;
    focusRequest.value += 1;
  }

  return {
    collapsed,
    selectedId,
    openId,
    focusRequest,
    focusSeq,
    selectedRow,
    select,
    moveSelection,
    openCase,
    closeCase,
    toggleCollapsed,
    requestFocus,
  };
}
