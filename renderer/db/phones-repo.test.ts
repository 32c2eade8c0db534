import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { DEFAULT_FEED_CONFIG } from '../../shared/positions/feed';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { loadFeedConfig, saveFeedConfig } from './phones-repo';
import type { SessionToken } from './sessions';
import { addAccount, signInAs } from './test-accounts';

const fixture = makeFixtureDataset();
let db: GridDeskDb;
let op: SessionToken;
let lead: SessionToken;

beforeEach(async () => {
  db = openDb(`phones-${Math.random()}`);
  await replaceDataset(db, fixture);
  await addAccount(db, 'op', 'operator');
  await addAccount(db, 'lead', 'leader');
  [op, lead] = await Promise.all([signInAs(db, 'op'), signInAs(db, 'lead')]);
});
afterEach(async () => {
  await db.delete();
});

describe("the centre's phones", () => {
  const officerId = fixture.officers[0]!.id;
  const config = {
    ...DEFAULT_FEED_CONFIG,
    enabled: true,
    bindings: [{ deviceId: ' 317401 ', officerId, token: null }],
  };

  it('keeps what a shift leader saves, checked against the stored officers', async () => {
    expect(await loadFeedConfig(db)).toEqual(DEFAULT_FEED_CONFIG);
    expect(await saveFeedConfig(db, config, lead)).toMatchObject({ ok: true });
    expect(await loadFeedConfig(db)).toEqual({
      ...config,
      bindings: [{ deviceId: '317401', officerId, token: null }],
    });
    const unknown = await saveFeedConfig(
      db,
      { ...config, bindings: [{ deviceId: '1', officerId: 'nobody', token: null }] },
      lead,
    );
    expect(unknown).toMatchObject({ ok: false, issues: [{ key: 'phones.issue.unknownOfficer', row: 1 }] });
  });

  it('keeps the geofence threshold a shift leader sets, and refuses one out of range', async () => {
    expect(await saveFeedConfig(db, { ...config, geofenceMinutes: 3 }, lead)).toMatchObject({ ok: true });
    expect((await loadFeedConfig(db)).geofenceMinutes).toBe(3);
    expect(await saveFeedConfig(db, { ...config, geofenceMinutes: 0 }, lead)).toMatchObject({
      ok: false,
      issues: [{ key: 'phones.issue.geofenceMinutes' }],
    });
    expect((await loadFeedConfig(db)).geofenceMinutes).toBe(3);
  });

  it('refuses an operator in the write, changing nothing', async () => {
    expect(await saveFeedConfig(db, { ...config, geofenceMinutes: 1 }, op)).toMatchObject({
      ok: false,
      issues: [{ key: 'phones.leaderOnly' }],
    });
    expect(await saveFeedConfig(db, config, op)).toMatchObject({
      ok: false,
      issues: [{ key: 'phones.leaderOnly' }],
    });
    expect(await loadFeedConfig(db)).toEqual(DEFAULT_FEED_CONFIG);
  });

  it('lets only a shift leader move the offline timeout, and reads a stored configuration without one', async () => {
    const oneMinute = { ...DEFAULT_FEED_CONFIG, offlineAfterMs: 60_000 };
    expect(await saveFeedConfig(db, oneMinute, op)).toMatchObject({ ok: false });
    expect((await loadFeedConfig(db)).offlineAfterMs).toBe(300_000);
    expect(await saveFeedConfig(db, oneMinute, lead)).toMatchObject({ ok: true });
    expect((await loadFeedConfig(db)).offlineAfterMs).toBe(60_000);
    const { offlineAfterMs: _, ...before } = DEFAULT_FEED_CONFIG;
    await db.meta.put({ key: 'positionFeed', value: { ...before, enabled: true } });
    expect(await loadFeedConfig(db)).toEqual({ ...DEFAULT_FEED_CONFIG, enabled: true });
  });

  it('in the sample centre, leaves an officer newly bound to a phone without the simulated position', async () => {
    const officer = fixture.officers.find((o) => o.position !== undefined)!;
    const bind = {
      ...DEFAULT_FEED_CONFIG,
      bindings: [{ deviceId: '317401', officerId: officer.id, token: null }],
    };
    const saved = await saveFeedConfig(db, bind, lead);
    const stored = await db.officers.get(officer.id);
    expect(stored?.position).toBeUndefined();
    expect(stored?.positionAt).toBeUndefined();
    expect(saved.ok && saved.officers?.find((o) => o.id === officer.id)).toEqual(stored);
    // Bound already: a phone's position is kept when the configuration is saved again.
    await db.officers.put({ ...stored!, position: [118.3, 34.3], positionAt: 1 });
    const again = await saveFeedConfig(db, { ...bind, offlineAfterMs: 120_000 }, lead);
    expect(again.ok && again.officers).toBeUndefined();
    expect((await db.officers.get(officer.id))?.positionAt).toBe(1);
  });

  it('keeps a real centre’s positions when a phone is bound', async () => {
    const officer = fixture.officers.find((o) => o.position !== undefined)!;
    const meta = await db.meta.get('dataset');
    if (meta?.key !== 'dataset') throw new Error('no dataset meta');
    await db.meta.put({ key: 'dataset', value: { ...meta.value, synthetic: false } });
    const bind = {
      ...DEFAULT_FEED_CONFIG,
      bindings: [{ deviceId: '317401', officerId: officer.id, token: null }],
    };
    expect(await saveFeedConfig(db, bind, lead)).toMatchObject({ ok: true });
    expect((await db.officers.get(officer.id))?.position).toEqual(officer.position);
  });
});
