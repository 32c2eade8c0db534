/**
 * A fresh sample kept ready for a reset to the sample. Preparing one (validating the sample, building
 * its record of 33,000 hashed events, writing 44,000 rows into a spare database) takes seconds, more
 * than a reset should when the leader confirms at once. So in the sample centre:
 * - at start-up, once the sign-in screen is drawn, a spare kept from before (it outlives a sign-out
 *   and a restart while it still fits, db/sample-spare.ts spareStaleness) is held, or one is prepared
 *   in the seed worker ({@link holdSpare}, {@link prepareSpareNow});
 * - while a shift leader works, a spare is prepared again before it grows too old to use
 *   ({@link keepSpareReady}), and one after a reset once the workstation has settled;
 * - someone other than a leader signing in abandons a spare still being prepared (its worker is
 *   stopped) and none is prepared for them; one already prepared stays until it is stale;
 * - a spare being prepared makes way (between its steps of 2,000 events hashed or 5,000 written)
 *   while the workstation opens after a sign-in ({@link holdSpareWork}).
 * A reset takes the spare held, if any; a cancelled one gives it back.
 */
import { dropSpare, SPARE_MAX_AGE_MS, type SampleSpare, type SpareResult } from '../db/sample-spare';

/** How long after the workstation settles (a leader signed in, a reset done) the first spare is prepared. */
export const SPARE_WARM_DELAY_MS = 15_000;
/** How long after the sign-in screen of the sample centre is up a kept spare is looked for, or one prepared. */
export const SPARE_START_DELAY_MS = 500;
/**
 * A held spare is given to a reset only while younger than this, and a new one is prepared then: two
 * minutes short of the limit, for the leader to read the question.
 */
export const SPARE_REFRESH_MS = SPARE_MAX_AGE_MS - 2 * 60_000;

/** Starts preparing a spare; `signal` abandons it. */
export type PrepareHeldSpare = (signal: AbortSignal) => Promise<SpareResult>;

/** A spare being (or done being) prepared, and when it was started: the `now` its times follow. */
export interface HeldSpare {
  readonly spare: Promise<SpareResult>;
  readonly startedAt: number;
  /** Whether it is still being prepared. */
  readonly preparing: () => boolean;
  /** Stops preparing it (nothing once prepared). */
  readonly abandon: () => void;
}

/** How long after the workstation is drawn following a sign-in a spare being prepared waits on. */
export const SPARE_SIGN_IN_SETTLE_MS = 1_000;

let writesHeld: Promise<void> = Promise.resolve();

/**
 * Holds back the preparing of spares until `released` settles: a spare being prepared in the
 * background makes way, after the step under way, while the workstation opens after a sign-in.
 */
export function holdSpareWork(released: Promise<unknown>): void {
  const before = writesHeld;
  writesHeld = Promise.all([before, released.catch(() => undefined)]).then(() => undefined);
}

/** Resolves when a spare may go on being prepared (db/sample-spare.ts SpareControl.mayGoOn). */
export function spareMayGoOn(): Promise<void> {
  return writesHeld;
}

let held: HeldSpare | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let keeping: PrepareHeldSpare | null = null;

function drop(spare: HeldSpare | null): void {
  if (spare === null) return;
  spare.abandon();
  void dropSpare(spare.spare);
}

function schedule(ms: number): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(refresh, ms);
}

/** Starts preparing a spare with `prepare`, now; the caller owns it (a reset that found none held). */
export function startSpare(prepare: PrepareHeldSpare): HeldSpare {
  const controller = new AbortController();
  const spare = prepare(controller.signal);
  let preparing = true;
  const settled = (): void => {
    preparing = false;
  };
  spare.then(settled, settled); // a failed spare is prepared again by the reset that needs one
  return {
    spare,
    startedAt: Date.now(),
    preparing: () => preparing,
    abandon: () => {
      if (preparing) controller.abort();
    },
  };
}

/** Starts a spare with `prepare` in place of the one held (dropped). */
function start(prepare: PrepareHeldSpare): void {
  const before = held;
  held = startSpare(prepare);
  drop(before);
}

/** Prepares a new spare in place of the one held, and schedules the next. */
function refresh(): void {
  timer = null;
  if (keeping === null) return;
  start(keeping);
  schedule(SPARE_REFRESH_MS);
}

/** When the held spare is due to be prepared again, ms from `now`. */
function dueIn(spare: HeldSpare, now: number): number {
  return Math.max(0, spare.startedAt + SPARE_REFRESH_MS - now);
}

/**
 * Keeps a spare ready with `prepare` while a leader works: the one held is prepared again when due,
 * or, with none held, one is prepared `delayMs` from now. Calling it again while it runs changes
 * nothing; {@link stopKeepingSpare} ends it.
 */
export function keepSpareReady(prepare: PrepareHeldSpare, delayMs = SPARE_WARM_DELAY_MS): void {
  if (keeping !== null) return;
  keeping = prepare;
  schedule(held === null ? delayMs : dueIn(held, Date.now()));
}

/** Prepares a spare now with `prepare`, unless one is held (the start-up's, before anyone signs in). */
export function prepareSpareNow(prepare: PrepareHeldSpare): void {
  if (held === null) start(prepare);
}

/** Holds a spare found kept from before (db/sample-spare.ts findKeptSpare), unless one is held already. */
export function holdSpare(spare: SampleSpare): void {
  if (held !== null) {
    void dropSpare(spare);
    return;
  }
  held = {
    spare: Promise.resolve(spare),
    startedAt: spare.preparedAt,
    preparing: () => false,
    abandon: () => undefined,
  };
  if (keeping !== null) schedule(dueIn(held, Date.now()));
}

/**
 * Stops preparing spares (signed out, a reset under way): the one held, prepared or still being
 * prepared, stays for the next reset while young enough.
 */
export function stopKeepingSpare(): void {
  keeping = null;
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

/**
 * Someone other than a leader signed in: preparing stops, and a spare still being prepared is
 * abandoned (its worker stopped, its database dropped); one already prepared stays.
 */
export function abandonUnfinishedSpare(): void {
  stopKeepingSpare();
  if (held?.preparing() === true) {
    drop(held);
    held = null;
  }
}

/** Stops preparing and drops the spare held (a centre of its own data is open). */
export function dropHeldSpare(): void {
  stopKeepingSpare();
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
  if (now - found.startedAt > SPARE_REFRESH_MS || found.startedAt > now) {
    drop(found);
    return null;
  }
  if (keeping !== null) schedule(SPARE_REFRESH_MS);
  return found;
}

/** A spare a reset did not use (the leader cancelled) is held again while young enough and none is held; else dropped. */
export function returnSpare(spare: HeldSpare, now: number): void {
  if (held === null && now - spare.startedAt <= SPARE_REFRESH_MS) held = spare;
  else drop(spare);
}
