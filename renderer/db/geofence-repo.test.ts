import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LonLat } from '../../shared/model/geo';
import { DEFAULT_FEED_CONFIG } from '../../shared/positions/feed';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import {
  acknowledgeGeofenceAlert,
  listAcknowledgements,
  listGeofenceAlerts,
  watchGeofenceClock,
} from './geofence-repo';
import { recordPositionReports } from './positions-repo';
import { readChainHead, verifyStoredRecord } from './record-repo';
import type { SessionToken } from './sessions';
import { addAccount, signInAs } from './test-accounts';

// The fixture's one patrol area (team-1) spans 118.30–118.34 E, 34.35–34.36 N; 张队长 (off-1) patrols.
const IN: LonLat = [118.32, 34.355];
const FAR: LonLat = [118.36, 34.355];
const NOW = Date.UTC(2026, 10, 23, 2, 0);
const MIN = 60_000;

let db: GridDeskDb;
let op: SessionToken;
let wall: SessionToken;

beforeEach(async () => {
  db = openDb(`geofence-${Math.random()}`);
  await replaceDataset(db, makeFixtureDataset());
  await addAccount(db, 'op', 'operator', { displayName: '值班员 王丽' });
  await addAccount(db, 'wall', 'viewer');
  [op, wall] = await Promise.all([signInAs(db, 'op'), signInAs(db, 'wall')]);
});
afterEach(async () => {
  await db.delete();
});

const fix = (position: LonLat, minutesAgo: number) => ({
  officerId: 'off-1',
  position,
  at: NOW - minutesAgo * MIN,
});

describe('geofence alerts in the database', () => {
  it('are raised as the fixes are stored, at the centre’s threshold', async () => {
    await db.meta.put({ key: 'positionFeed', value: { ...DEFAULT_FEED_CONFIG, geofenceMinutes: 1 } });
    await recordPositionReports(db, [fix(IN, 3)], NOW);
    await recordPositionReports(db, [fix(FAR, 2.5)], NOW);
    expect(await listGeofenceAlerts(db)).toEqual([]);
    const stored = await recordPositionReports(db, [fix(FAR, 0)], NOW);
    expect(stored.alerts).toHaveLength(1);
    const alerts = await listGeofenceAlerts(db);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      officerId: 'off-1',
      teamId: 'team-1',
      areaId: 'area-1',
      since: NOW - 2.5 * MIN,
      raisedAt: NOW,
      thresholdMs: MIN,
      ended: null,
      acknowledged: null,
    });
    // 0.02° east of the area's edge at 34.355° N: 1,835 m.
    expect(alerts[0]?.distanceM).toBeGreaterThan(1_830);
    expect(alerts[0]?.distanceM).toBeLessThan(1_840);
    // Back inside: the alert stays, 已返回.
    await recordPositionReports(db, [{ ...fix(IN, 0), at: NOW + 30_000 }], NOW + 30_000);
    expect((await listGeofenceAlerts(db))[0]?.ended).toEqual({ kind: 'returned', at: NOW + 30_000 });
  });

  it('judges nothing the sample’s simulator reports', async () => {
    await recordPositionReports(db, [fix(FAR, 30), fix(FAR, 0)], NOW, { watchGeofence: false });
    expect(await db.geofenceWatches.count()).toBe(0);
    expect(await listGeofenceAlerts(db)).toEqual([]);
  });

  it('are raised by the clock for a phone gone quiet outside', async () => {
    await recordPositionReports(db, [fix(IN, 1), fix(FAR, 0)], NOW);
    expect(await watchGeofenceClock(db, NOW + 10 * MIN)).toEqual([]);
    const raised = await watchGeofenceClock(db, NOW + 10 * MIN + 1);
    expect(raised).toMatchObject([{ since: NOW, raisedAt: NOW + 10 * MIN + 1 }]);
    expect(await watchGeofenceClock(db, NOW + 11 * MIN)).toEqual([]);
    expect(await listGeofenceAlerts(db)).toHaveLength(1);
  });

  it('are acknowledged by an operator, who is named in the record and in the alert', async () => {
    await recordPositionReports(db, [fix(FAR, 12), fix(FAR, 0)], NOW);
    const [alert] = await listGeofenceAlerts(db);
    if (alert === undefined) throw new Error('no alert raised');
    const before = await readChainHead(db);

    const refused = await acknowledgeGeofenceAlert(db, wall, alert.id, NOW + MIN);
    expect(refused).toEqual({ ok: false, refusal: { key: 'geofence.refused.role', params: {} } });
    expect(await acknowledgeGeofenceAlert(db, null, alert.id, NOW + MIN)).toMatchObject({
      ok: false,
      refusal: { key: 'auth.notSignedIn' },
    });
    expect(await readChainHead(db)).toEqual(before);

    const done = await acknowledgeGeofenceAlert(db, op, alert.id, NOW + MIN);
    if (!done.ok) throw new Error(done.refusal.key);
    const head = await readChainHead(db);
    expect(head.count).toBe(before.count + 1);
    expect(done.event).toMatchObject({
      seq: head.count,
      at: NOW + MIN,
      actor: { id: 'op', role: 'operator', name: '值班员 王丽' },
      action: {
        type: 'geofenceAcknowledge',
        payload: {
          alertId: alert.id,
          officerId: 'off-1',
          teamId: 'team-1',
          areaId: 'area-1',
          since: NOW - 12 * MIN,
          raisedAt: NOW,
          endedAt: null,
        },
      },
    });
    expect((await listGeofenceAlerts(db))[0]?.acknowledged).toEqual({
      actor: { id: 'op', role: 'operator', name: '值班员 王丽' },
      at: NOW + MIN,
      eventId: done.event.id,
      seq: done.event.seq,
    });
    expect(await listAcknowledgements(db)).toEqual([done.event]);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });

    expect(await acknowledgeGeofenceAlert(db, op, alert.id, NOW + 2 * MIN)).toEqual({
      ok: false,
      refusal: { key: 'geofence.refused.already', params: { name: '值班员 王丽' } },
    });
    expect(await acknowledgeGeofenceAlert(db, op, 'off-1@0', NOW + 2 * MIN)).toMatchObject({
      ok: false,
      refusal: { key: 'geofence.refused.notFound' },
    });
    expect((await readChainHead(db)).count).toBe(head.count);
  });

  it('go on with the stretch after an acknowledgement: no second alert, and the return is noted', async () => {
    await recordPositionReports(db, [fix(FAR, 12), fix(FAR, 0)], NOW);
    const [alert] = await listGeofenceAlerts(db);
    await acknowledgeGeofenceAlert(db, op, alert!.id, NOW);
    await recordPositionReports(db, [{ ...fix(FAR, 0), at: NOW + 5 * MIN }], NOW + 5 * MIN);
    await recordPositionReports(db, [{ ...fix(IN, 0), at: NOW + 6 * MIN }], NOW + 6 * MIN);
    const alerts = await listGeofenceAlerts(db);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      lastOutsideAt: NOW + 5 * MIN,
      ended: { kind: 'returned', at: NOW + 6 * MIN },
      acknowledged: { actor: { id: 'op' } },
    });
  });
});
