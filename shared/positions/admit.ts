/**
 * Whether a decoded fix (osmand.ts) becomes an officer's position: its device must be bound to an
 * officer (and carry the device's token, if it has one), its point be a real WGS84 coordinate, its time
 * be neither ahead of the clock nor stale, and it be newer than the officer's last fix. Anything else is
 * declined with its reason and counted (the diagnostics panel shows the counts); a declined fix is never
 * the officer's latest position.
 */
import type { PositionReport } from './reports';
import type { DeviceFix } from './osmand';

/** A phone bound to an officer (or a grid worker): its device id, and a token if the centre set one. */
export interface DeviceBinding {
  readonly deviceId: string;
  readonly officerId: string;
  readonly token: string | null;
}

export interface AdmitLimits {
  /** A fix more than this ahead of the clock is declined (a phone with a wrong clock), ms. */
  readonly futureMs: number;
  /** A fix older than this is declined (a phone emptying a days-old buffer), ms. */
  readonly maxAgeMs: number;
}

export const DEFAULT_ADMIT_LIMITS: AdmitLimits = { futureMs: 5 * 60_000, maxAgeMs: 24 * 3_600_000 };

/** Why a fix was declined. */
export const DECLINE_REASONS = [
  'unknownDevice',
  'badToken',
  'outOfRange',
  'noLock',
  'future',
  'tooOld',
  'duplicate',
  'outOfOrder',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** An admitted fix: the officer's position report, with what the phone said beside it. */
export interface AdmittedFix extends PositionReport {
  readonly deviceId: string;
  readonly speed: number | null;
  readonly bearing: number | null;
  readonly accuracy: number | null;
  readonly battery: number | null;
}

export type Admission =
  { readonly ok: true; readonly fix: AdmittedFix } | { readonly ok: false; readonly reason: DeclineReason };

/**
 * Admits `fix` at `now` (epoch ms) given the device's binding (undefined: not bound) and the time of
 * the officer's last admitted fix (undefined: none yet). A fix without a time is taken as fixed now.
 */
export function admitFix(
  fix: DeviceFix,
  token: string | null,
  binding: DeviceBinding | undefined,
  lastAt: number | undefined,
  now: number,
  limits: AdmitLimits = DEFAULT_ADMIT_LIMITS,
): Admission {
  if (binding === undefined) return { ok: false, reason: 'unknownDevice' };
  if (binding.token !== null && binding.token !== token) return { ok: false, reason: 'badToken' };
  const inRange =
    Number.isFinite(fix.lat) &&
    Number.isFinite(fix.lon) &&
    Math.abs(fix.lat) <= 90 &&
    Math.abs(fix.lon) <= 180 &&
    !(fix.lat === 0 && fix.lon === 0);
  if (!inRange) return { ok: false, reason: 'outOfRange' };
  if (!fix.valid) return { ok: false, reason: 'noLock' };
  const at = fix.at ?? now;
  if (at > now + limits.futureMs) return { ok: false, reason: 'future' };
  if (at < now - limits.maxAgeMs) return { ok: false, reason: 'tooOld' };
  if (lastAt !== undefined && at === lastAt) return { ok: false, reason: 'duplicate' };
  if (lastAt !== undefined && at < lastAt) return { ok: false, reason: 'outOfOrder' };
  return {
    ok: true,
    fix: {
      officerId: binding.officerId,
      deviceId: fix.deviceId,
      position: [fix.lon, fix.lat],
      at,
      speed: fix.speed,
      bearing: fix.bearing,
      accuracy: fix.accuracy,
      battery: fix.battery,
    },
  };
}

/** What a listener has seen since it started: requests refused unread, fixes admitted and declined. */
export interface FixCounts {
  readonly admitted: number;
  /** Requests that could not be read (osmand.ts problems), by problem key. */
  readonly malformed: Readonly<Record<string, number>>;
  readonly declined: Readonly<Record<DeclineReason, number>>;
}

export const emptyFixCounts = (): FixCounts => ({
  admitted: 0,
  malformed: {},
  declined: Object.fromEntries(DECLINE_REASONS.map((r) => [r, 0])) as Record<DeclineReason, number>,
});

/** The counts with one more outcome. */
export function countOutcome(
  counts: FixCounts,
  outcome: Admission | { readonly malformed: string },
): FixCounts {
  if ('malformed' in outcome)
    return {
      ...counts,
      malformed: { ...counts.malformed, [outcome.malformed]: (counts.malformed[outcome.malformed] ?? 0) + 1 },
    };
  if (outcome.ok) return { ...counts, admitted: counts.admitted + 1 };
  return {
    ...counts,
    declined: { ...counts.declined, [outcome.reason]: counts.declined[outcome.reason] + 1 },
  };
}

/**
 * Admission as a feed runs it: the devices bound now, the newest admitted fix per officer (so a fix
 * no newer is declined, whichever source it came by) and the counts. One per host, shared by its
 * sources (the phones' listener, a Traccar server).
 */
export interface Admitter {
  setBindings(bindings: ReadonlyMap<string, DeviceBinding>): void;
  /**
   * Admits each fix (`token` as the request carried it; `trusted` for a source that authenticated the
   * device itself, such as a Traccar server, whose fixes carry no token), counting every outcome.
   */
  admit(
    fixes: readonly DeviceFix[],
    token: string | null,
    now: number,
    trusted?: boolean,
  ): { readonly admitted: AdmittedFix[]; readonly unknown: boolean };
  countMalformed(key: string): void;
  counts(): FixCounts;
}

export function createAdmitter(limits: AdmitLimits = DEFAULT_ADMIT_LIMITS): Admitter {
  let bindings: ReadonlyMap<string, DeviceBinding> = new Map();
  let counts = emptyFixCounts();
  const lastAt = new Map<string, number>();
  return {
    setBindings(next) {
      bindings = next;
    },
    admit(fixes, token, now, trusted = false) {
      const admitted: AdmittedFix[] = [];
      let unknown = false;
      for (const fix of fixes) {
        const binding = bindings.get(fix.deviceId);
        const outcome = admitFix(
          fix,
          trusted ? (binding?.token ?? null) : token,
          binding,
          binding && lastAt.get(binding.officerId),
          now,
          limits,
        );
        counts = countOutcome(counts, outcome);
        if (outcome.ok) {
          lastAt.set(outcome.fix.officerId, outcome.fix.at);
          admitted.push(outcome.fix);
        } else if (outcome.reason === 'unknownDevice' || outcome.reason === 'badToken') unknown = true;
      }
      return { admitted, unknown };
    },
    countMalformed(key) {
      counts = countOutcome(counts, { malformed: key });
    },
    counts: () => counts,
  };
}
