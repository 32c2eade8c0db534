import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import { DEFAULT_TIME_LIMIT_POLICY } from '../../shared/cases/time-limits';
import { reportStart } from '../../shared/indicators';
import { wallFigures, type WallFigures } from '../../shared/wall';
import { currentDb } from '../db/handle';
import { loadIndicatorCases } from '../db/cases-repo';
import { useSettingsStore } from './settings';
import { useTownshipStore } from './township';

/** The indicator window of the wall: the last 30 days (today and the 29 before, centre time). */
export const WALL_WINDOW_DAYS = 30;

/**
 * The display wall's figures, recomputed from the local database on demand (the wall asks when the live
 * cases change and once a minute, so "today" and the clocks move on their own). Overlapping requests
 * collapse into one more run after the current one.
 */
export const useWallStore = defineStore('wall', () => {
  const figures = shallowRef<WallFigures | null>(null);
  /** Epoch ms of the data the figures were computed from. */
  const updatedAt = ref<number | null>(null);
  let running: Promise<void> | null = null;
  let again = false;

  async function compute(): Promise<void> {
    const now = Date.now();
    const calendar = useSettingsStore().settings.calendar;
    const windowStart = reportStart(WALL_WINDOW_DAYS, { now, calendar });
    const items = await loadIndicatorCases(currentDb(), windowStart, { withOpen: true });
    figures.value = markRaw(
      wallFigures(items, {
        now,
        windowStart,
        calendar,
        policy: DEFAULT_TIME_LIMIT_POLICY,
        matters: useTownshipStore().matterByCode,
      }),
    );
    updatedAt.value = now;
  }

  async function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await compute();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return { figures, updatedAt, refresh };
});
