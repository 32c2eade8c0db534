import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { DEFAULT_BASEMAP_SETTINGS } from '../../shared/tiles/basemaps';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { loadBasemapSettings, saveBasemapSettings } from './basemap-repo';
import type { SessionToken } from './sessions';
import { addAccount, signInAs } from './test-accounts';

let db: GridDeskDb;
let op: SessionToken;
let lead: SessionToken;

beforeEach(async () => {
  db = openDb(`basemaps-${Math.random()}`);
  await replaceDataset(db, makeFixtureDataset());
  await addAccount(db, 'op', 'operator');
  await addAccount(db, 'lead', 'leader');
  [op, lead] = await Promise.all([signInAs(db, 'op'), signInAs(db, 'lead')]);
});
afterEach(async () => {
  await db.delete();
});

const county = {
  tiandituKey: ' 0123456789ABCDEF0123456789abcdef ',
  custom: {
    name: ' 县影像 ',
    template: 'http://10.8.0.5/tiles/{z}/{x}/{-y}.png',
    subdomains: '',
    maxZoom: 19,
  },
  cacheCapMiB: 4096,
};

describe("the centre's basemap settings", () => {
  it('keeps what a shift leader saves, trimmed', async () => {
    expect(await loadBasemapSettings(db)).toEqual(DEFAULT_BASEMAP_SETTINGS);
    expect((await saveBasemapSettings(db, county, lead)).ok).toBe(true);
    expect(await loadBasemapSettings(db)).toEqual({
      tiandituKey: '0123456789ABCDEF0123456789abcdef',
      custom: {
        name: '县影像',
        template: 'http://10.8.0.5/tiles/{z}/{x}/{-y}.png',
        subdomains: '',
        maxZoom: 19,
      },
      cacheCapMiB: 4096,
    });
  });

  it('refuses an operator, a malformed key and a template the map cannot use, writing nothing', async () => {
    expect(await saveBasemapSettings(db, county, op)).toEqual({
      ok: false,
      issues: [{ field: '', key: 'basemap.settings.leaderOnly', params: {} }],
    });
    const bad = {
      ...county,
      tiandituKey: 'abc',
      custom: { ...county.custom, template: 'ftp://x/{z}/{x}/{y}' },
    };
    expect(await saveBasemapSettings(db, bad, lead)).toEqual({
      ok: false,
      issues: [
        { field: 'tiandituKey', key: 'basemap.settings.tiandituKey', params: {} },
        {
          field: 'custom.template',
          key: 'basemap.template.scheme',
          params: { template: 'ftp://x/{z}/{x}/{y}', scheme: 'ftp' },
        },
      ],
    });
    expect(await loadBasemapSettings(db)).toEqual(DEFAULT_BASEMAP_SETTINGS);
  });
});
