/**
 * A fresh sample kept ready for a reset to the sample. Preparing one (validating the sample, building
 * its record of 33,000 hashed events, writing 44,000 rows into a spare database) takes seconds, more
 * than a reset should when the leader confirms at once; so while a shift leader works in the sample
 * centre, a spare is prepared in the seed worker once the workstation has settled, and again before it
 * grows too old to use (seed.ts SPARE_MAX_AGE_MS: its times would lag the clock). A reset takes the
 * spare held, if any; a cancelled one gives it back. Nothing is held for an operator, for a centre of
 * its own data, or once the leader signs out.
 */
import { dropSpare, SPARE_MAX_AGE_MS, type SpareResult } from '../db/seed';

/** How long after the workstation settles the first spare is prepared (start-up's own work first). */
export const SPARE_WARM_DELAY_MS = 15_000;
/**
 * A held spare is given to a reset only while younger than this, and a new one is prepared then: two
 * minutes short of the limit, for the leader to read the question.
 */
export const SPARE_REFRESH_MS = SPARE_MAX_AGE_MS - 2 * 60_000;

/** A spare being (or done being) prepared, and when it was started: the `now` its times follow. */
export interface HeldSpare {
  readonly spare: Promise<SpareResult>;
  readonly startedAt: number;
}

let held: HeldSpare | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let prepareSpare: (() => Promise<SpareResult>) | null = null;

function drop(spare: HeldSpare | null): void {
  if (spare !== null) void dropSpare(spare.spare);
}

function schedule(ms: number): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(refresh, ms);
}

/** Prepares a new spare in place of the one held (dropped), and schedules the next. */
function refresh(): void {
  timer = null;
  if (prepareSpare === null) return;
  const before = held;
  const spare = prepareSpare();
  spare.catch(() => undefined); // a failed spare is prepared again by the reset that needs one
  held = { spare, startedAt: Date.now() };
  drop(before);
  schedule(SPARE_REFRESH_MS);
}

/**
 * Keeps a spare ready with `prepare` (it starts one and gives its result), the first `delayMs` from
 * now. Calling it again while it runs changes nothing; {@link stopKeepingSpare} ends it.
 */
export function keepSpareReady(prepare: () => Promise<SpareResult>, delayMs = SPARE_WARM_DELAY_MS): void {
  if (prepareSpare !== null) return;
  prepareSpare = prepare;
  schedule(delayMs);
}

/** Stops keeping a spare and drops the one held. */
export function stopKeepingSpare(): void {
  prepareSpare = null;
  if (timer !== null) clearTimeout(timer);
  timer = null;
  drop(held);
  held = null;
}

/**
 * The held spare for a reset, if one is young enough; the caller then owns it (it switches to it, or
 * gives it back with {@link returnSpare}, or drops it). A new one is prepared for the next reset.
 */
export function takeSpare(now: number): HeldSpare | null {
  const found = held;
  held = null;
  if (found === null) return null;
  if (now - found.startedAt > SPARE_REFRESH_MS) {
    drop(found);
    return null;
  }
  if (prepareSpare !== null) schedule(SPARE_REFRESH_MS);
  return found;
}

/**
 * A spare a reset did not use (the leader cancelled) is held again while it is young enough and
 * none is held; else dropped.
 */
export function returnSpare(spare: HeldSpare, now: number): void {
  if (held === null && prepareSpare !== null && now - spare.startedAt <= SPARE_REFRESH_MS) held = spare;
  else drop(spare);
}
