import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { DEFAULT_CENTRE_SETTINGS } from '../../shared/settings/centre-settings';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { loadSettings, saveSettings } from './settings-repo';
import { closeSession, type SessionToken } from './sessions';
import { addAccount, signInAs } from './test-accounts';

let db: GridDeskDb;
const dataset = makeFixtureDataset();
let op: SessionToken;
let lead: SessionToken;

beforeEach(async () => {
  db = openDb(`settings-${Math.random()}`);
  await replaceDataset(db, dataset);
  await addAccount(db, 'op', 'operator');
  await addAccount(db, 'lead', 'leader');
  [op, lead] = await Promise.all([signInAs(db, 'op'), signInAs(db, 'lead')]);
});
afterEach(async () => {
  await db.delete();
});

describe('centre settings in the database', () => {
  it('starts from the defaults and keeps what a shift leader saves', async () => {
    expect(await loadSettings(db)).toEqual(DEFAULT_CENTRE_SETTINGS);
    const next = {
      ...DEFAULT_CENTRE_SETTINGS,
      majorCase: { urgencies: ['urgent', 'critical'], matterCodes: [dataset.matters[0]!.code] },
    };
    expect((await saveSettings(db, next, lead)).ok).toBe(true);
    expect(await loadSettings(db)).toEqual(next);
  });

  it('refuses an operator, and bad settings, without writing anything', async () => {
    const next = { ...DEFAULT_CENTRE_SETTINGS, duplicates: { maxDistanceM: 300, maxHoursApart: 48 } };
    expect(await saveSettings(db, next, op)).toEqual({
      ok: false,
      issues: [{ field: '', key: 'settings.leaderOnly', params: {} }],
    });
    expect(await saveSettings(db, next, 'lead' as SessionToken)).toMatchObject({
      ok: false,
      issues: [{ key: 'auth.notSignedIn' }],
    });
    const bad = { ...next, majorCase: { urgencies: ['critical'], matterCodes: ['NO-SUCH'] } };
    expect(await saveSettings(db, bad, lead)).toMatchObject({
      ok: false,
      issues: [{ key: 'settings.unknownMatter' }],
    });
    expect(await loadSettings(db)).toEqual(DEFAULT_CENTRE_SETTINGS);
  });

  it('refuses a leader who signed out or was disabled since signing in', async () => {
    const next = { ...DEFAULT_CENTRE_SETTINGS, duplicates: { maxDistanceM: 300, maxHoursApart: 48 } };
    const other = await signInAs(db, 'lead');
    closeSession(lead);
    expect(await saveSettings(db, next, lead)).toMatchObject({
      ok: false,
      issues: [{ key: 'auth.notSignedIn' }],
    });
    await db.accounts.update('lead', { disabled: true });
    expect(await saveSettings(db, next, other)).toMatchObject({
      ok: false,
      issues: [{ key: 'auth.disabled' }],
    });
    expect(await loadSettings(db)).toEqual(DEFAULT_CENTRE_SETTINGS);
  });
});
