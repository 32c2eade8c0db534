/**
 * The 执法力量 board beside the map (views/UnitBoard.vue): whether it shows, its team and status filters,
 * and the board itself (shared/positions/unit-board.ts) from the roster and the units store's states.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { unitBoard } from '../../shared/positions/unit-board';
import type { UnitStatus } from '../../shared/positions/unit-status';
import { useTownshipStore } from './township';
import { useUnitsStore } from './units';

export const useUnitBoardStore = defineStore('unit-board', () => {
  const open = ref(false);
  /** Only this team's officers; null: every team. */
  const teamId = ref<string | null>(null);
  /** Only officers in this status; null: any. */
  const status = ref<UnitStatus | null>(null);

  const board = computed(() => {
    const township = useTownshipStore();
    return unitBoard(township.officers, township.teams, useUnitsStore().states, {
      teamId: teamId.value,
      status: status.value,
    });
  });

  function toggle(): void {
    open.value = !open.value;
  }
  function setTeam(next: string | null): void {
    teamId.value = next;
  }
  /** Shows only `next`; the status shown already shows all again. */
  function toggleStatus(next: UnitStatus | null): void {
    status.value = next === status.value ? null : next;
  }

  return { open, teamId, status, board, toggle, setTeam, toggleStatus };
});
