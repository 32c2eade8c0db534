/**
 * 越界告警 in the database: the geofence's watch per officer (`geofenceWatches`) and its alerts
 * (`geofenceAlerts`), judged by shared/positions/geofence.ts as fixes are stored (positions-repo.ts
 * calls {@link watchStoredFixes} inside its transaction) and by a clock ({@link watchGeofenceClock}).
 * Acknowledging an alert (确认) is an operator's or a shift leader's write, checked here, and goes into
 * the record as a data event (shared/cases/data-events.ts) in the same transaction as the alert.
 */
import {
  acknowledgementPayload,
  areasByTeam,
  geofenceRule,
  mayAcknowledge,
  watchClock,
  watchFixes,
  type GeofenceAlert,
  type GeofenceChanges,
  type GeofenceContext,
  type GeofenceState,
} from '../../shared/positions/geofence';
import type { PositionReport } from '../../shared/positions/reports';
import type { Officer } from '../../shared/model/organisation';
import type { StoredDataEvent } from '../../shared/cases/data-events';
import type { GridDeskDb } from './database';
import { appendDataEvent, listDataEvents } from './imports-repo';
import { loadFeedConfig } from './phones-repo';
import { readChainHead } from './record-repo';
import { sessionAccount, type SessionRefusal, type SessionToken } from './sessions';

/** The rule (the centre's threshold) and each team's areas, read inside the caller's transaction. */
async function contextOf(db: GridDeskDb, officers: readonly Officer[]): Promise<GeofenceContext> {
  const [config, areas] = await Promise.all([loadFeedConfig(db), db.patrolAreas.toArray()]);
  return {
    officers: new Map(officers.map((o) => [o.id, o])),
    areasOfTeam: areasByTeam(areas),
    rule: geofenceRule(config.geofenceMinutes),
  };
}

/** The stored watches of `officerIds` (all when null) and the alerts their stretches raised. */
async function stateOf(db: GridDeskDb, officerIds: readonly string[] | null): Promise<GeofenceState> {
  const rows =
    officerIds === null
      ? await db.geofenceWatches.toArray()
      : (await db.geofenceWatches.bulkGet([...officerIds])).filter((w) => w !== undefined);
  const alertIds = rows.flatMap((w) => (w.stretch?.alertId == null ? [] : [w.stretch.alertId]));
  const alerts = (await db.geofenceAlerts.bulkGet(alertIds)).filter((a) => a !== undefined);
  return {
    watches: new Map(rows.map((w) => [w.officerId, w])),
    alerts: new Map(alerts.map((a) => [a.id, a])),
  };
}

async function keep(db: GridDeskDb, changes: GeofenceChanges): Promise<void> {
  if (changes.watches.length > 0) await db.geofenceWatches.bulkPut([...changes.watches]);
  if (changes.alerts.length > 0) await db.geofenceAlerts.bulkPut([...changes.alerts]);
}

/** The tables {@link watchStoredFixes} reads and writes, for the caller's transaction. */
export function geofenceTables(db: GridDeskDb) {
  return [db.meta, db.patrolAreas, db.geofenceWatches, db.geofenceAlerts];
}

/**
 * Judges `reports` (the roster's, already admitted) against the officers' watches and keeps what
 * changed, inside the caller's rw transaction over {@link geofenceTables}; `officers` is the roster as
 * it stands after the batch. Returns the new and updated alerts.
 */
export async function watchStoredFixes(
  db: GridDeskDb,
  reports: readonly PositionReport[],
  officers: readonly Officer[],
): Promise<readonly GeofenceAlert[]> {
  if (reports.length === 0) return [];
  const ids = [...new Set(reports.map((r) => r.officerId))];
  const [state, context] = await Promise.all([stateOf(db, ids), contextOf(db, officers)]);
  const changes = watchFixes(state, reports, context);
  await keep(db, changes);
  return changes.alerts;
}

/**
 * The clock's turn at `now` (epoch ms): every stretch outside whose officer sent nothing since is
 * judged (raised once past the threshold, ended when the officer went off duty), in one transaction.
 */
export async function watchGeofenceClock(db: GridDeskDb, now: number): Promise<readonly GeofenceAlert[]> {
  return db.transaction('rw', [...geofenceTables(db), db.officers], async () => {
    const state = await stateOf(db, null);
    if (![...state.watches.values()].some((w) => w.stretch !== null)) return [];
    const context = await contextOf(db, await db.officers.toArray());
    const changes = watchClock(state, now, context);
    await keep(db, changes);
    return changes.alerts;
  });
}

/** Every alert, the newest stretch first. */
export async function listGeofenceAlerts(db: GridDeskDb): Promise<GeofenceAlert[]> {
  return (await db.geofenceAlerts.orderBy('since').reverse().toArray()) as GeofenceAlert[];
}

/** The record's acknowledgements of alerts (告警确认), oldest first. */
export async function listAcknowledgements(db: GridDeskDb): Promise<StoredDataEvent[]> {
  return (await listDataEvents(db)).filter((e) => e.action.type === 'geofenceAcknowledge');
}

/** Why an acknowledgement was not written. */
export type AcknowledgeRefusal =
  | SessionRefusal
  | { readonly key: 'geofence.refused.role'; readonly params: Record<string, never> }
  | { readonly key: 'geofence.refused.notFound'; readonly params: { readonly id: string } }
  | { readonly key: 'geofence.refused.already'; readonly params: { readonly name: string } };

export type AcknowledgeResult =
  | { readonly ok: true; readonly alert: GeofenceAlert; readonly event: StoredDataEvent }
  | { readonly ok: false; readonly refusal: AcknowledgeRefusal };

/**
 * 确认: the signed-in operator or shift leader acknowledges alert `id` at `now` (epoch ms). In ONE
 * transaction: the account is read again, the alert must be stored and not yet acknowledged, the
 * record gets its 告警确认 event (who, when, which alert) and the alert notes who, when and that event.
 */
export async function acknowledgeGeofenceAlert(
  db: GridDeskDb,
  session: SessionToken | null,
  id: string,
  now: number,
): Promise<AcknowledgeResult> {
  const tables = [db.accounts, db.meta, db.events, db.geofenceAlerts];
  return db.transaction('rw', tables, async (): Promise<AcknowledgeResult> => {
    const found = await sessionAccount(db, session);
    if (!found.ok) return found;
    const { account } = found;
    if (!mayAcknowledge(account.role))
      return { ok: false, refusal: { key: 'geofence.refused.role', params: {} } };
    const alert = await db.geofenceAlerts.get(id);
    if (alert === undefined)
      return { ok: false, refusal: { key: 'geofence.refused.notFound', params: { id } } };
    if (alert.acknowledged !== null) {
      const name = alert.acknowledged.actor.name ?? alert.acknowledged.actor.id;
      return { ok: false, refusal: { key: 'geofence.refused.already', params: { name } } };
    }
    const actor = { id: account.id, role: account.role, name: account.displayName };
    const event = await appendDataEvent(
      db,
      await readChainHead(db),
      actor,
      { type: 'geofenceAcknowledge', payload: acknowledgementPayload(alert) },
      now,
    );
    const acknowledged: GeofenceAlert = {
      ...alert,
      acknowledged: { actor, at: now, eventId: event.id, seq: event.seq },
    };
    await db.geofenceAlerts.put(acknowledged);
    return { ok: true, alert: acknowledged, event };
  });
}
