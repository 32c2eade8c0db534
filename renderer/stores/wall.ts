import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import { calendarZone } from '../../shared/calendar/config';
import { centreDate, centreDayStart } from '../../shared/calendar/zone';
import { DEFAULT_TIME_LIMIT_POLICY } from '../../shared/cases/time-limits';
import { reportStart } from '../../shared/indicators';
import { wallFiguresOfRollUps, type WallFigures } from '../../shared/wall';
import { currentDb } from '../db/handle';
import { readWallRollUps } from '../db/tallies-repo';
import { useSettingsStore } from './settings';
import { useTalliesStore } from './tallies';
import { useTownshipStore } from './township';

/** The indicator window of the wall: the last 30 days (today and the 29 before, centre time). */
export const WALL_WINDOW_DAYS = 30;
/** How many of the newest cases the wall lists. */
export const WALL_LATEST = 8;

/**
 * The display wall's figures, recomputed on demand from the window's daily roll-ups, today's cases and
 * the open ones in the local database (the wall asks when the live cases change and once a minute, so
 * "today" and the clocks move on their own). Overlapping requests collapse into one more run after
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
    const calendar = useSettingsStore().settings.calendar;
    const zone = calendarZone(calendar);
    const windowStart = reportStart(WALL_WINDOW_DAYS, { now, calendar });
    const rollUps = await useTalliesStore().whenCurrent(() =>
      readWallRollUps(currentDb(), centreDate(windowStart, zone), centreDayStart(now, zone), WALL_LATEST),
    );
    figures.value = markRaw(
      wallFiguresOfRollUps(rollUps, {
        now,
        windowStart,
        latest: WALL_LATEST,
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
