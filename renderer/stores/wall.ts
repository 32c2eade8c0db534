import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { WallFigures } from '../../shared/wall';
import { currentDb } from '../db/handle';
import { WALL_LATEST, WALL_WINDOW_DAYS } from '../db/wall-figures';
import { wallFiguresNow } from '../tally/alarms-client';
import { useTalliesStore } from './tallies';

export { WALL_LATEST, WALL_WINDOW_DAYS };

/**
 * The display wall's figures, recomputed on demand in the alarms worker (renderer/db/wall-figures.ts)
 * from the window's daily roll-ups, today's cases and the open ones in the local database (the wall
 * asks when the live cases change and once a minute, so "today" and the clocks move on their own). Overlapping requests collapse into one more run after
 * the current one.
 */
export const useWallStore = defineStore('wall', () => {
  const figures = shallowRef<WallFigures | null>(null);
  /** Epoch ms of the data the figures were computed from. */
  const updatedAt = ref<number | null>(null);
  let running: Promise<void> | null = null;
  let again = false;

  async function compute(): Promise<void> {
    const now = Date.now();
    const db = currentDb();
    figures.value = markRaw(await useTalliesStore().whenCurrent(() => wallFiguresNow(db, now)));
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
