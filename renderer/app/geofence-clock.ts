/**
 * The geofence's clock (越界告警): fixes are judged as they are stored (positions-repo.ts); every
 * {@link GEOFENCE_CLOCK_MS} the workstation window also judges the stretches outside whose phone has
 * sent nothing since, so an officer last seen outside their area still raises the alert once the
 * threshold passes, and one gone off duty ends theirs. The wall stores nothing and runs no clock.
 */
import { watchGeofenceClock } from '../db/geofence-repo';
import type { GridDeskDb } from '../db/database';

export const GEOFENCE_CLOCK_MS = 15_000;

let timer: ReturnType<typeof setInterval> | null = null;

/** Runs the clock on centre `db` (again after a reset, a restore or a switch: the old one stops). */
export function startGeofenceClock(db: GridDeskDb): void {
  stopGeofenceClock();
  const tick = (): void => {
    watchGeofenceClock(db, Date.now()).catch((e: unknown) => console.error('[geofence]', e));
  };
  tick();
  timer = setInterval(tick, GEOFENCE_CLOCK_MS);
}

export function stopGeofenceClock(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
}
