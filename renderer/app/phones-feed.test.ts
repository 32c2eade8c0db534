import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { DEFAULT_FEED_CONFIG } from '../../shared/positions/feed';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { saveFeedConfig } from '../db/phones-repo';
import { recordPositionReports } from '../db/positions-repo';
import { startTestWorkstation, type TestWorkstation } from '../stores/test-workstation';
import { useTownshipStore } from '../stores/township';
import { useUnitsStore } from '../stores/units';
import { showPhonesConfig } from './phones-feed';

let ws: TestWorkstation;
beforeEach(async () => {
  ws = await startTestWorkstation('leader');
});
afterEach(async () => {
  useUnitsStore().stop();
  await ws.close();
});

describe('the display wall’s side of the phones’ feed', () => {
  it('judges 离线 by the centre’s timeout for the officers a phone is bound to, as the workstation does', async () => {
    // On the workstation: a phone bound to 张队长 (off-1), 离线 after 2 minutes; its last fix 3 minutes ago.
    const saved = await saveFeedConfig(
      ws.db,
      {
        ...DEFAULT_FEED_CONFIG,
        offlineAfterMs: 2 * 60_000,
        bindings: [{ deviceId: 'phone-1', officerId: 'off-1', token: null }],
      },
      ws.token,
    );
    expect(saved.ok).toBe(true);
    const now = Date.now();
    await recordPositionReports(
      ws.db,
      [{ officerId: 'off-1', position: [0.5, 0.5], at: now - 3 * 60_000 }],
      now,
    );

    // The wall: a window of its own, with the roster as stored.
    setActivePinia(createPinia());
    const township = useTownshipStore();
    township.setDataset(makeFixtureDataset());
    township.setOfficers(await ws.db.officers.toArray());
    const units = useUnitsStore();
    units.start();
    // Without the centre's configuration no phone is bound: the stale fix says nothing.
    expect(units.states.get('off-1')?.status).toBe('idle');
    await showPhonesConfig(ws.db);
    expect(units.states.get('off-1')?.status).toBe('offline');
    expect(units.states.get('off-2')?.status).toBe('idle');
  });
});
