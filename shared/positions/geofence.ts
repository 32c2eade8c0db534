/**
 * 越界告警, geofence alerts: an on-duty officer whose fixes put them outside every patrol area of
 * their team (片区, PatrolArea.teamId) for longer than the centre's threshold (10 minutes by default)
 * raises one alert. Coming back inside ends the stretch (the alert stays, marked 已返回, until someone
 * acknowledges it); going off duty ends it too. Pure: the position path (renderer/db/positions-repo.ts)
 * runs {@link watchFixes} on every batch it stores and a clock runs {@link watchClock}, and both keep
 * what these return.
 *
 * Time is the fixes' own (epoch ms, as the phone stamped them), not the clock of the PC, so a phone's
 * buffered batch arriving late is judged as it happened; the clock only carries a stretch whose last
 * fix was outside past the threshold when no new fix comes (a phone gone quiet outside its area).
 * Either way the stretch lasts until the first fix back inside, so an alert is raised whether or not
 * a clock tick fell inside the stretch.
 */
import type { Actor, Role } from '../cases/loop-types';
import type { GeofenceAckPayload } from '../cases/data-events';
import type { LonLat } from '../model/geo';
import type { Officer, PatrolArea } from '../model/organisation';
import { METRES_PER_DEGREE } from '../spatial/grid-locator';
import {
  boundaryDistanceM,
  buildPolygonStore,
  containsPoint,
  type PolygonStore,
} from '../spatial/polygon-store';
import type { PositionReport } from './reports';

/** Minutes outside the team's patrol areas before an alert, unless the centre sets another. */
export const DEFAULT_GEOFENCE_MINUTES = 10;
/** The thresholds a centre may set, in whole minutes. */
export const GEOFENCE_MINUTES_MIN = 1;
export const GEOFENCE_MINUTES_MAX = 240;

/**
 * A fix counts as outside only this far (metres) beyond every area of the team: a phone's position
 * wanders by tens of metres, and an officer walking the street that is the area's edge is at work.
 */
export const GEOFENCE_LEAVE_METRES = 30;
/**
 * A stretch outside ends only at a fix inside an area or within this many metres of one: between the
 * two distances a fix keeps the officer where the fixes before it had them, so jitter at either
 * distance does not start and end stretches by turns.
 */
export const GEOFENCE_RETURN_METRES = 10;

export interface GeofenceRule {
  /** A stretch outside lasting longer than this (ms) raises an alert; exactly this long does not. */
  readonly thresholdMs: number;
  /** See {@link GEOFENCE_LEAVE_METRES}. */
  readonly leaveMetres: number;
  /** See {@link GEOFENCE_RETURN_METRES}. */
  readonly returnMetres: number;
}

/** The rule with a threshold of `minutes`, and the standard distances. */
export function geofenceRule(minutes: number = DEFAULT_GEOFENCE_MINUTES): GeofenceRule {
  return {
    thresholdMs: minutes * 60_000,
    leaveMetres: GEOFENCE_LEAVE_METRES,
    returnMetres: GEOFENCE_RETURN_METRES,
  };
}

/** A team's patrol areas packed for point tests (shared/spatial/polygon-store.ts), with their ids. */
export interface TeamAreas {
  readonly ids: readonly string[];
  readonly store: PolygonStore;
}

/** Each team's patrol areas, packed once per batch (typed arrays; no index to build). */
export function areasByTeam(areas: readonly PatrolArea[]): ReadonlyMap<string, TeamAreas> {
  const byTeam = new Map<string, PatrolArea[]>();
  for (const area of areas) byTeam.set(area.teamId, [...(byTeam.get(area.teamId) ?? []), area]);
  return new Map(
    [...byTeam].map(([teamId, list]) => [
      teamId,
      { ids: list.map((a) => a.id), store: buildPolygonStore(list.map((a) => a.geometry)) },
    ]),
  );
}

/**
 * Where a fix is against a team's areas: `inside` an area or within the return distance of one,
 * `outside` beyond the leave distance from all of them, or in the `band` between the two; beyond the
 * areas, the distance to the nearest (metres) and which one it is.
 */
export type Placement =
  | { readonly kind: 'inside' }
  | { readonly kind: 'band' | 'outside'; readonly distanceM: number; readonly areaId: string };

/**
 * Places `position` (WGS84) against a team's areas under `rule`. Inside is the polygon store's exact
 * test (a point on an east or north edge is outside it, at distance 0, so inside by the return
 * distance); distances are equirectangular at the fix's latitude, within 0.1 % of the geodesic over
 * the few kilometres that matter here.
 */
export function placeFix(position: LonLat, team: TeamAreas, rule: GeofenceRule): Placement {
  const [lon, lat] = position;
  const { store, ids } = team;
  for (let g = 0; g < store.count; g++) if (containsPoint(store, g, lon, lat)) return { kind: 'inside' };
  const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  let nearest = { distanceM: Infinity, areaId: ids[0] ?? '' };
  for (let g = 0; g < store.count; g++) {
    const distanceM = boundaryDistanceM(store, g, lon, lat, kx, METRES_PER_DEGREE);
    if (distanceM < nearest.distanceM) nearest = { distanceM, areaId: ids[g] ?? '' };
  }
  if (nearest.distanceM <= rule.returnMetres) return { kind: 'inside' };
  return { kind: nearest.distanceM > rule.leaveMetres ? 'outside' : 'band', ...nearest };
}

/** A stretch of fixes outside the team's areas, from its first fix outside after the last inside. */
export interface OutsideStretch {
  /** The first fix outside, epoch ms. */
  readonly since: number;
  /** The newest fix outside, epoch ms; where it was, how far outside (metres) and the nearest area. */
  readonly lastAt: number;
  readonly position: LonLat;
  readonly distanceM: number;
  readonly areaId: string;
  /** The furthest outside of the stretch, metres. */
  readonly maxDistanceM: number;
  /** The alert the stretch raised, once it passed the threshold. */
  readonly alertId: string | null;
}

/** What is kept per officer between fixes. */
export interface GeofenceWatch {
  readonly officerId: string;
  /** The newest fix that had the officer inside, epoch ms; null before any. */
  readonly insideAt: number | null;
  /** The stretch outside now; null while inside. */
  readonly stretch: OutsideStretch | null;
}

/** Who acknowledged an alert (确认), when, and the event of the record that says so. */
export interface GeofenceAcknowledgement {
  readonly actor: Actor;
  /** Epoch ms. */
  readonly at: number;
  readonly eventId: string;
  readonly seq: number;
}

/** One alert: a stretch outside that lasted longer than the threshold. */
export interface GeofenceAlert {
  /** `<officer id>@<first fix outside>`: one per stretch. */
  readonly id: string;
  readonly officerId: string;
  /** The officer's team when it was raised. */
  readonly teamId: string;
  /** The nearest of the team's areas at the newest fix outside. */
  readonly areaId: string;
  /** The first fix outside, epoch ms. */
  readonly since: number;
  /** When the stretch passed the threshold: the fix time (or the clock) it was found at, epoch ms. */
  readonly raisedAt: number;
  /** The threshold then, ms. */
  readonly thresholdMs: number;
  /** The newest fix outside (epoch ms), where it was and how far outside (metres). */
  readonly lastOutsideAt: number;
  readonly position: LonLat;
  readonly distanceM: number;
  readonly maxDistanceM: number;
  /** How the stretch ended, at a fix time (or the clock) in epoch ms; null while it lasts. */
  readonly ended: { readonly kind: 'returned' | 'offDuty'; readonly at: number } | null;
  readonly acknowledged: GeofenceAcknowledgement | null;
}

/** What a step needs to know of an officer. */
export type WatchedOfficer = Pick<Officer, 'id' | 'teamId' | 'status'>;

/** The roster and areas a step judges against. */
export interface GeofenceContext {
  readonly officers: ReadonlyMap<string, WatchedOfficer>;
  readonly areasOfTeam: ReadonlyMap<string, TeamAreas>;
  readonly rule: GeofenceRule;
}

/** The watches of the officers concerned, and the alerts their stretches raised, by id. */
export interface GeofenceState {
  readonly watches: ReadonlyMap<string, GeofenceWatch>;
  readonly alerts: ReadonlyMap<string, GeofenceAlert>;
}

/** What a step changed: the watches and the alerts (new or updated) to keep. */
export interface GeofenceChanges {
  readonly watches: readonly GeofenceWatch[];
  readonly alerts: readonly GeofenceAlert[];
}

const freshWatch = (officerId: string): GeofenceWatch => ({ officerId, insideAt: null, stretch: null });

/** The working state of one officer during a step. */
interface Tracking {
  watch: GeofenceWatch;
  alert: GeofenceAlert | undefined;
  changed: boolean;
}

function raiseIfLong(t: Tracking, officer: WatchedOfficer, at: number, rule: GeofenceRule): void {
  const s = t.watch.stretch;
  if (s === null || s.alertId !== null || at - s.since <= rule.thresholdMs) return;
  const id = `${officer.id}@${s.since}`;
  t.alert = {
    id,
    officerId: officer.id,
    teamId: officer.teamId,
    areaId: s.areaId,
    since: s.since,
    raisedAt: at,
    thresholdMs: rule.thresholdMs,
    lastOutsideAt: s.lastAt,
    position: s.position,
    distanceM: s.distanceM,
    maxDistanceM: s.maxDistanceM,
    ended: null,
    acknowledged: null,
  };
  t.watch = { ...t.watch, stretch: { ...s, alertId: id } };
  t.changed = true;
}

/** Ends the stretch (and its alert) as `kind` at `at`. */
function endStretch(t: Tracking, kind: 'returned' | 'offDuty', at: number): void {
  if (t.watch.stretch === null) return;
  if (t.alert !== undefined && t.alert.ended === null) t.alert = { ...t.alert, ended: { kind, at } };
  t.watch = { ...t.watch, stretch: null };
  t.changed = true;
}

/** The stretch's alert brought up to the stretch. */
function followStretch(t: Tracking): void {
  const s = t.watch.stretch;
  if (s === null || t.alert === undefined || t.alert.id !== s.alertId) return;
  t.alert = {
    ...t.alert,
    since: s.since,
    lastOutsideAt: s.lastAt,
    position: s.position,
    distanceM: s.distanceM,
    maxDistanceM: s.maxDistanceM,
    areaId: s.areaId,
  };
}

function outsideFix(t: Tracking, fix: PositionReport, placed: { distanceM: number; areaId: string }): void {
  const { insideAt, stretch: s } = t.watch;
  // A later fix already had the officer inside: this one says nothing about now.
  if (insideAt !== null && fix.at <= insideAt) return;
  const newest = s === null || fix.at >= s.lastAt;
  const stretch: OutsideStretch =
    s === null
      ? {
          since: fix.at,
          lastAt: fix.at,
          position: fix.position,
          distanceM: placed.distanceM,
          areaId: placed.areaId,
          maxDistanceM: placed.distanceM,
          alertId: null,
        }
      : {
          ...s,
          // A delayed fix from before the first one known moves the start back.
          since: Math.min(s.since, fix.at),
          maxDistanceM: Math.max(s.maxDistanceM, placed.distanceM),
          ...(newest
            ? { lastAt: fix.at, position: fix.position, distanceM: placed.distanceM, areaId: placed.areaId }
            : {}),
        };
  t.watch = { ...t.watch, stretch };
  t.changed = true;
  followStretch(t);
}

function insideFix(t: Tracking, fix: PositionReport, officer: WatchedOfficer, rule: GeofenceRule): void {
  const { insideAt, stretch: s } = t.watch;
  if (insideAt !== null && fix.at <= insideAt) return;
  t.watch = { ...t.watch, insideAt: fix.at };
  t.changed = true;
  if (s === null || fix.at < s.since) return;
  if (fix.at >= s.lastAt) {
    // Back inside: the stretch lasted until this fix (a gap in the fixes outside counts as outside).
    raiseIfLong(t, officer, fix.at, rule);
    endStretch(t, 'returned', fix.at);
    return;
  }
  // A delayed fix inside from the middle of the stretch: only its newest fix outside is known to come
  // after it, so the stretch starts again there. A raised alert is never taken back.
  if (s.alertId === null)
    t.watch = { ...t.watch, stretch: { ...s, since: s.lastAt, maxDistanceM: s.distanceM } };
}

function tracking(state: GeofenceState, officerId: string): Tracking {
  const watch = state.watches.get(officerId) ?? freshWatch(officerId);
  const alertId = watch.stretch?.alertId;
  return { watch, alert: alertId == null ? undefined : state.alerts.get(alertId), changed: false };
}

/**
 * A watch whose only change is its newest fix inside, moved forward by less than this (ms), is not kept:
 * an officer inside with a phone reporting every second would otherwise put their watch every write.
 * The newest fix inside only serves to ignore a delayed fix from before it, and the phones' fixes come
 * in order (the host refuses an older fix than the device's last one), so a kept time up to this much
 * behind changes nothing.
 */
export const INSIDE_AT_STEP_MS = 30_000;

/** Whether `after` differs from `stored` only by a newest fix inside less than INSIDE_AT_STEP_MS later. */
function onlyInsideAtNudged(stored: GeofenceWatch | undefined, after: GeofenceWatch): boolean {
  return (
    stored !== undefined &&
    stored.stretch === after.stretch &&
    stored.insideAt !== null &&
    after.insideAt !== null &&
    after.insideAt - stored.insideAt < INSIDE_AT_STEP_MS
  );
}

function changesOf(all: Iterable<Tracking>, before: GeofenceState): GeofenceChanges {
  const watches: GeofenceWatch[] = [];
  const alerts: GeofenceAlert[] = [];
  for (const t of all) {
    if (!t.changed) continue;
    if (onlyInsideAtNudged(before.watches.get(t.watch.officerId), t.watch)) continue;
    watches.push(t.watch);
    if (t.alert !== undefined && t.alert !== before.alerts.get(t.alert.id)) alerts.push(t.alert);
  }
  return { watches, alerts };
}

/**
 * Judges a batch of fixes (in any order; each officer's are taken in time order) against the
 * officers' watches. Edge rules: a fix more than the leave distance beyond every area of the officer's
 * team is outside, one inside or within the return distance is inside, one between keeps the officer
 * where they were; a stretch starts at its first fix outside and lasts until the first fix inside
 * after it, so fixes missing in between (a gap) count as outside; it raises one alert when it has
 * lasted longer than the threshold (exactly the threshold does not). A fix no newer than the officer's
 * newest fix inside is ignored; a delayed fix outside from before a stretch's first fix moves its start
 * back. An off-duty officer's fix ends their stretch; an officer not on the roster, or of a team with
 * no patrol area, is not watched.
 */
export function watchFixes(
  state: GeofenceState,
  fixes: readonly PositionReport[],
  context: GeofenceContext,
): GeofenceChanges {
  const byOfficer = new Map<string, PositionReport[]>();
  for (const fix of fixes) {
    const list = byOfficer.get(fix.officerId) ?? [];
    list.push(fix);
    byOfficer.set(fix.officerId, list);
  }
  const all: Tracking[] = [];
  for (const [officerId, list] of byOfficer) {
    const officer = context.officers.get(officerId);
    if (officer === undefined) continue;
    const areas = context.areasOfTeam.get(officer.teamId);
    const t = tracking(state, officerId);
    all.push(t);
    for (const fix of [...list].sort((a, b) => a.at - b.at)) {
      if (officer.status === 'off-duty') {
        endStretch(t, 'offDuty', fix.at);
        continue;
      }
      if (areas === undefined || areas.store.count === 0) continue;
      const placed = placeFix(fix.position, areas, context.rule);
      const s = t.watch.stretch;
      // A fix in the band counts as outside while a stretch runs, as inside otherwise.
      if (placed.kind === 'outside' || (placed.kind === 'band' && s !== null && fix.at >= s.since))
        outsideFix(t, fix, placed);
      else insideFix(t, fix, officer, context.rule);
      const after = t.watch.stretch;
      if (after !== null) raiseIfLong(t, officer, after.lastAt, context.rule);
    }
  }
  return changesOf(all, state);
}

/**
 * Judges every watch with a stretch outside at `now` (epoch ms, the clock), for an officer whose last
 * fix was outside and who sent none since: the stretch raises its alert once it has lasted longer than
 * the threshold. An officer gone off duty (or off the roster, or whose team lost its areas) ends it,
 * at `now` or at its newest fix if that is later (a phone whose clock runs ahead).
 */
export function watchClock(state: GeofenceState, now: number, context: GeofenceContext): GeofenceChanges {
  const all: Tracking[] = [];
  for (const watch of state.watches.values()) {
    if (watch.stretch === null) continue;
    const t = tracking(state, watch.officerId);
    all.push(t);
    const officer = context.officers.get(watch.officerId);
    const watched =
      officer !== undefined &&
      officer.status !== 'off-duty' &&
      (context.areasOfTeam.get(officer.teamId)?.store.count ?? 0) > 0;
    if (!watched) endStretch(t, 'offDuty', Math.max(now, watch.stretch.lastAt));
    else raiseIfLong(t, officer, now, context.rule);
  }
  return changesOf(all, state);
}

/** How long the alert's stretch has lasted at `now`, or lasted when it ended (ms, never negative). */
export function alertDuration(alert: GeofenceAlert, now: number): number {
  return Math.max(0, (alert.ended?.at ?? now) - alert.since);
}

/** Who may acknowledge an alert: operators and shift leaders; the wall's read-only account may not. */
export const ACKNOWLEDGING_ROLES: readonly Role[] = ['operator', 'leader'];

export function mayAcknowledge(role: Role | undefined | null): boolean {
  return role !== undefined && role !== null && ACKNOWLEDGING_ROLES.includes(role);
}

/** What the record's 告警确认 event says of the alert acknowledged. */
export function acknowledgementPayload(alert: GeofenceAlert): GeofenceAckPayload {
  return {
    alertId: alert.id,
    officerId: alert.officerId,
    teamId: alert.teamId,
    areaId: alert.areaId,
    since: alert.since,
    raisedAt: alert.raisedAt,
    endedAt: alert.ended?.at ?? null,
  };
}
