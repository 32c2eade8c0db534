import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { hashPassword } from '../../shared/accounts/password';
import { DEFAULT_CENTRE_SETTINGS } from '../../shared/settings/centre-settings';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { loadSettings, saveSettings } from './settings-repo';

let db: GridDeskDb;
const dataset = makeFixtureDataset();

beforeEach(async () => {
  db = openDb(`settings-${Math.random()}`);
  await replaceDataset(db, dataset);
  const password = await hashPassword('a-password-1', { iterations: 1000 });
  await db.accounts.bulkAdd([
    {
      id: 'op',
      username: 'op',
      displayName: '值班员',
      role: 'operator',
      password,
      disabled: false,
      createdAt: 0,
    },
    {
      id: 'lead',
      username: 'lead',
      displayName: '带班领导',
      role: 'leader',
      password,
      disabled: false,
      createdAt: 0,
    },
  ]);
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
    expect((await saveSettings(db, next, 'lead')).ok).toBe(true);
    expect(await loadSettings(db)).toEqual(next);
  });

  it('refuses an operator, and bad settings, without writing anything', async () => {
    const next = { ...DEFAULT_CENTRE_SETTINGS, duplicates: { maxDistanceM: 300, maxHoursApart: 48 } };
    expect(await saveSettings(db, next, 'op')).toEqual({
      ok: false,
      issues: [{ field: '', key: 'settings.leaderOnly', params: {} }],
    });
    const bad = { ...next, majorCase: { urgencies: ['critical'], matterCodes: ['NO-SUCH'] } };
    expect(await saveSettings(db, bad, 'lead')).toMatchObject({
      ok: false,
      issues: [{ key: 'settings.unknownMatter' }],
    });
    expect(await loadSettings(db)).toEqual(DEFAULT_CENTRE_SETTINGS);
  });
});
