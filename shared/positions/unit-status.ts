/**
 * 单兵状态: what a dispatcher reads off each officer at a glance, derived from the duty roster, the
 * open cases and the time of the officer's last position fix:
 * - 空闲 `idle`: on duty, reachable, no open case names them;
 * - 处置中 `handling`: on duty, reachable, an open case names them;
 * - 离线 `offline`: on duty, but their last fix is older than the feed's timeout (5 minutes by
 *   default), or a phone is bound to them and has never reported;
 * - 未在岗 `offDuty`: off duty, whatever their phone says.
 *
 * How it relates to `Officer.status` (shared/model/organisation.ts): that is the roster's word
 * (巡查中/待命/处置中/离岗), as the dataset, an import or the sample's simulator set it, and nothing
 * rewrites it when a case is dispatched or closed or a phone falls silent. The unit status reads from it
 * only whether the officer is on duty ('off-duty' → 未在岗; 'patrolling', 'available' and 'busy' → on
 * duty). Whether they are handling a case comes from the case record (an open case whose `officerIds`
 * name them, as the dispatch recommendations count load), not from 'busy'; whether they are reachable
 * comes from `positionAt`. The unit status is never stored: it is derived again whenever the roster,
 * the cases, the feed's configuration or the clock moves.
 */
import { isOpenStage, URGENCIES, type Case } from '../model/case';
import type { Officer } from '../model/organisation';

export const UNIT_STATUSES = ['idle', 'handling', 'offline', 'offDuty'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** An officer is 离线 after this long without a fix unless the centre sets otherwise: 5 minutes, ms. */
export const DEFAULT_OFFLINE_AFTER_MS = 5 * 60_000;
/** The shortest and longest timeout a centre may set: 1 minute and 4 hours, ms. */
export const MIN_OFFLINE_AFTER_MS = 60_000;
export const MAX_OFFLINE_AFTER_MS = 4 * 3_600_000;

export interface UnitStatusOptions {
  /** Officers a phone is bound to (终端绑定): a phone is expected to report them. */
  readonly bound: ReadonlySet<string>;
  /** How long without a fix makes an on-duty officer 离线, ms. */
  readonly offlineAfterMs: number;
  /** The workstation's clock, epoch ms. */
  readonly now: number;
}

/** One officer's unit status and the open cases that name them. */
export interface UnitState {
  readonly status: UnitStatus;
  /**
   * Ids of the open cases whose officers include this one, the one to show first: the most urgent,
   * then the earliest reported, then by case number. Kept for an officer 离线 or 未在岗 too (the board
   * shows the case an unreachable officer holds).
   */
  readonly caseIds: readonly string[];
}

/**
 * Whether a fix taken at `positionAt` is too old at `now`: more than `offlineAfterMs` before it. A fix
 * exactly `offlineAfterMs` old is still fresh; one stamped after `now` (a phone's clock running ahead)
 * is fresh.
 */
export function isFixStale(positionAt: number, offlineAfterMs: number, now: number): boolean {
  return now - positionAt > offlineAfterMs;
}

/**
 * The unit status of one officer (see the module comment), `handling` saying whether an open case
 * names them. Precedence: 未在岗, then 离线, then 处置中, then 空闲. An on-duty officer who never reported
 * is 离线 only when a phone is bound to them (one was expected to report); otherwise (the roster
 * gives no phone, a position typed in or imported without a time) they are judged by their cases
 * alone, as before the feed existed.
 */
export function unitStatus(officer: Officer, handling: boolean, options: UnitStatusOptions): UnitStatus {
  if (officer.status === 'off-duty') return 'offDuty';
  const at = officer.positionAt;
  if (at === undefined ? options.bound.has(officer.id) : isFixStale(at, options.offlineAfterMs, options.now))
    return 'offline';
  return handling ? 'handling' : 'idle';
}

const URGENCY_RANK = new Map(URGENCIES.map((u, i) => [u, i]));

/** The open cases naming each officer, in the order {@link UnitState.caseIds} gives. */
export function openCasesByOfficer(cases: readonly Case[]): ReadonlyMap<string, readonly Case[]> {
  const byOfficer = new Map<string, Case[]>();
  for (const c of cases) {
    if (!isOpenStage(c.stage)) continue;
    for (const id of new Set(c.officerIds ?? [])) {
      const list = byOfficer.get(id);
      if (list === undefined) byOfficer.set(id, [c]);
      else list.push(c);
    }
  }
  for (const list of byOfficer.values())
    list.sort(
      (a, b) =>
        (URGENCY_RANK.get(b.urgency) ?? 0) - (URGENCY_RANK.get(a.urgency) ?? 0) ||
        a.reportedAt - b.reportedAt ||
        a.caseNo.localeCompare(b.caseNo),
    );
  return byOfficer;
}

/** Every officer's unit state, by officer id (see {@link unitStatus}); `cases` may hold closed ones. */
export function unitStates(
  officers: readonly Officer[],
  cases: readonly Case[],
  options: UnitStatusOptions,
): ReadonlyMap<string, UnitState> {
  const byOfficer = openCasesByOfficer(cases);
  return new Map(
    officers.map((o) => {
      const held = byOfficer.get(o.id) ?? [];
      return [o.id, { status: unitStatus(o, held.length > 0, options), caseIds: held.map((c) => c.id) }];
    }),
  );
}

/**
 * The first instant after `now` (epoch ms) at which the clock alone turns an officer 离线: the
 * millisecond after the freshest-but-aging fix of an on-duty officer reaches `offlineAfterMs`; null
 * when no officer would change (all off duty, 离线 already, or without a fix). A new fix, a case or
 * a roster change moves it; the caller asks again then.
 */
export function nextUnitStatusChange(
  officers: readonly Officer[],
  options: Pick<UnitStatusOptions, 'offlineAfterMs' | 'now'>,
): number | null {
  let next: number | null = null;
  for (const o of officers) {
    if (o.status === 'off-duty' || o.positionAt === undefined) continue;
    const at = o.positionAt + options.offlineAfterMs + 1;
    if (at > options.now && (next === null || at < next)) next = at;
  }
  return next;
}

/** Whether two sets of unit states say the same of every officer (so a view need not redraw). */
export function sameUnitStates(
  a: ReadonlyMap<string, UnitState>,
  b: ReadonlyMap<string, UnitState>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (y === undefined || y.status !== x.status || y.caseIds.length !== x.caseIds.length) return false;
    if (x.caseIds.some((c, i) => y.caseIds[i] !== c)) return false;
  }
  return true;
}

/**
 * How long ago a fix was, as the board words it: `justNow` under a minute (and for a fix stamped ahead
 * of the clock), whole `minutes` under an hour, otherwise `at` (shown as the centre's clock time).
 */
export type FixAge =
  | { readonly kind: 'none' }
  | { readonly kind: 'justNow' }
  | { readonly kind: 'minutes'; readonly minutes: number }
  | { readonly kind: 'at'; readonly at: number };

export function fixAge(positionAt: number | undefined, now: number): FixAge {
  if (positionAt === undefined) return { kind: 'none' };
  const ms = now - positionAt;
  if (ms < 60_000) return { kind: 'justNow' };
  if (ms < 3_600_000) return { kind: 'minutes', minutes: Math.floor(ms / 60_000) };
  return { kind: 'at', at: positionAt };
}
