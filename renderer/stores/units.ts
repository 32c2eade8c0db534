/**
 * 单兵状态 as this window shows it: every officer's unit status (shared/positions/unit-status.ts) from
 * the roster, the open cases and the phones' feed configuration (which officers a phone is bound to, the
 * offline timeout), at the store's clock. The clock moves on a timer, never per frame: every
 * {@link UNIT_CLOCK_TICK_MS} (so the board's "3 分钟前" moves on), at the exact millisecond the next
 * officer passes the timeout (so 离线 shows without waiting for a tick), and whenever the roster or the
 * configuration changes.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef, watch, type WatchStopHandle } from 'vue';
import {
  nextUnitStatusChange,
  sameUnitStates,
  unitStates,
  type UnitState,
} from '../../shared/positions/unit-status';
import { useCasesStore } from './cases';
import { usePhonesStore } from './phones';
import { useTownshipStore } from './township';

/** How often the unit clock moves without any change of the data, ms. */
export const UNIT_CLOCK_TICK_MS = 15_000;

export const useUnitsStore = defineStore('units', () => {
  /** The clock the statuses and ages are derived at, epoch ms. */
  const now = shallowRef(Date.now());
  const bound = computed(() => new Set(usePhonesStore().config.bindings.map((b) => b.officerId)));
  const offlineAfterMs = computed(() => usePhonesStore().config.offlineAfterMs);

  let held: ReadonlyMap<string, UnitState> = new Map();
  /**
   * Each officer's unit state, by id. The same map (so the map and the board do not redraw) while no
   * officer's status or cases changed, however often the clock moved.
   */
  const states = computed(() => {
    const next = unitStates(useTownshipStore().officers, useCasesStore().openCases, {
      bound: bound.value,
      offlineAfterMs: offlineAfterMs.value,
      now: now.value,
    });
    if (!sameUnitStates(held, next)) held = next;
    return held;
  });

  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopWatching: WatchStopHandle | null = null;

  /** Moves the clock to now and sets the timer for the next tick or status change, whichever is first. */
  function tick(): void {
    if (timer !== null) clearTimeout(timer);
    const at = Date.now();
    now.value = at;
    const change = nextUnitStatusChange(useTownshipStore().officers, {
      offlineAfterMs: offlineAfterMs.value,
      now: at,
    });
    const due = Math.min(at + UNIT_CLOCK_TICK_MS, change ?? Infinity);
    timer = setTimeout(tick, due - at);
  }

  /** Starts the clock (once per window; again is a no-op). */
  function start(): void {
    if (stopWatching !== null) return;
    stopWatching = watch(
      () => [useTownshipStore().officers, usePhonesStore().config] as const,
      () => tick(),
    );
    tick();
  }

  function stop(): void {
    stopWatching?.();
    stopWatching = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  return { now, states, start, stop };
});
