import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset, makeFixtureSampleFiles } from '../../shared/schema/test-fixture';
import { DEFAULT_CENTRE_SETTINGS } from '../../shared/settings/centre-settings';
import { SAMPLE_LEAD_MS, newestEventAt } from '../../shared/schema/time-shift';
import { GridDeskDb } from './database';
import { loadDataset, readMeta, replaceDataset } from './dataset-repo';
import { Dexie } from 'dexie';
import {
  ensureSeeded,
  resetLoss,
  resetToSample as resetAt,
  type ResetLoss,
  type ResetOptions,
  type ResetResult,
} from './seed';
import { SPARE_MAX_AGE_MS, prepareSampleSpare as prepareSpareAt } from './sample-spare';
import { currentCentre, openCentres, type CentresDb } from './centres';
import { createCase } from './case-actions';
import { saveSettings, loadSettings } from './settings-repo';
import { checkStoredRecordHealth, verifyStoredRecord } from './record-repo';
import { exportBackup } from './backup-repo';
import { sessionAccount, type SessionToken } from './sessions';
import { addAccount, signInAs } from './test-accounts';

let db: GridDeskDb;
let registry: CentresDb;
let serial = 0;
let lead: SessionToken;
let op: SessionToken;
let wall: SessionToken;
const NOW = Date.UTC(2026, 2, 10, 2, 15);
const LATER = NOW + 7 * 86_400_000;
const fixture = makeFixtureDataset();
const sample = async (): Promise<unknown[]> => makeFixtureSampleFiles();
/** The digest the fixture's sample files go by here. */
const SAMPLE_DIGEST = 'fixture-sample';
const prepareSampleSpare = (on: GridDeskDb, load: () => Promise<unknown[]>, now: number) =>
  prepareSpareAt(on, load, now, { sample: SAMPLE_DIGEST });
const SETTINGS = { ...DEFAULT_CENTRE_SETTINGS, duplicates: { maxDistanceM: 321, maxHoursApart: 12 } };

/** What a user would notice: the cases, the record, the photos, the settings and the accounts. */
async function state() {
  return {
    cases: (await db.cases.toArray()).map((c) => [c.id, c.description, c.stage]),
    events: await db.events.count(),
    attachments: await db.attachments.count(),
    settings: await loadSettings(db),
    accounts: await db.accounts.toArray(),
    seededAt: await readMeta(db, 'seededAt'),
  };
}

/**
 * Resets the sample centre the registry opens; on success the test's `db` becomes the new database,
 * once the old one is deleted.
 */
async function resetToSample(
  session: SessionToken,
  loadSample: () => Promise<unknown[]>,
  now: number,
  confirmed: ResetLoss,
  options: Partial<ResetOptions> = {},
) {
  const result: ResetResult = await resetAt(registry, db, session, loadSample, now, confirmed, {
    sample: SAMPLE_DIGEST,
    ...options,
  });
  if (result.ok) {
    await result.dropped;
    db = result.db;
  }
  return result;
}

beforeEach(async () => {
  const name = `reset-test-${serial++}`;
  db = new GridDeskDb(name);
  registry = openCentres(`${name}-centres`);
  await currentCentre(registry, NOW, name);
  await ensureSeeded(db, sample, NOW);
  await addAccount(db, 'lead', 'leader');
  await addAccount(db, 'op', 'operator');
  await addAccount(db, 'wall', 'viewer');
  [lead, op, wall] = await Promise.all([signInAs(db, 'lead'), signInAs(db, 'op'), signInAs(db, 'wall')]);
  expect((await saveSettings(db, SETTINGS, lead)).ok).toBe(true);
  // The operator's day: a new case with a photo, after the sample was seeded.
  const created = await createCase(
    db,
    {
      source: 'hotline',
      matterCode: fixture.matters[0]!.code,
      urgency: 'normal',
      description: '今天新登记的占道经营',
      address: '新安街道 8 号',
      location: fixture.cases[0]!.location,
      gridCode: fixture.grids[0]!.code,
      teamId: 'team-1',
    },
    [{ type: 'note', payload: { text: '照片', attachmentIds: ['att-1'] } }],
    op,
    NOW + 60_000,
    {
      attachments: [
        {
          id: 'att-1',
          caseId: 'new',
          name: 'photo.jpg',
          type: 'image/jpeg',
          size: 1,
          blob: new Blob([new Uint8Array([1])]),
          thumbnail: null,
          addedAt: NOW,
          addedBy: 'op',
        },
      ],
    },
  );
  if (!created.ok) throw new Error('create failed');
});
afterEach(async () => {
  await db.delete();
  await registry.delete();
});

describe('resetting to the sample', () => {
  it('counts what will be lost: every case, event and attachment stored now', async () => {
    expect(await resetLoss(db)).toEqual({
      cases: fixture.cases.length + 1,
      events: await db.events.count(),
      attachments: 1,
    });
  });

  it('by a leader: the day’s case and photo are gone, the sample is back, settings and accounts stay', async () => {
    const before = await state();
    const old = db.name;
    const result = await resetToSample(lead, sample, LATER, await resetLoss(db));
    expect(result).toMatchObject({ ok: true, status: 'seeded' });
    // The sample centre now lives in the new database; the old one is gone.
    expect((await currentCentre(registry, LATER)).dbName).toBe(db.name);
    expect(db.name).not.toBe(old);
    expect(await Dexie.exists(old)).toBe(false);
    const after = await state();
    expect(after.cases).toHaveLength(fixture.cases.length);
    expect(after.cases.some(([, description]) => description === '今天新登记的占道经营')).toBe(false);
    expect(after.attachments).toBe(0);
    expect(after.events).toBeLessThan(before.events);
    expect(after.settings).toEqual(SETTINGS);
    expect(after.accounts).toEqual(before.accounts);
    expect(after.seededAt).toBe(LATER);
    const stored = await loadDataset(db);
    expect(stored && newestEventAt(stored)).toBe(LATER - SAMPLE_LEAD_MS);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    // Whoever was signed in stays signed in on the new database, and can reset again.
    expect(await sessionAccount(db, op)).toMatchObject({ ok: true, account: { username: 'op' } });
    expect(await resetToSample(lead, sample, LATER + 60_000, await resetLoss(db))).toMatchObject({
      ok: true,
    });
    expect(await sessionAccount(db, lead)).toMatchObject({ ok: true, account: { username: 'lead' } });
  });

  it('switches to a sample written while the question was asked, shifted to when it was written', async () => {
    const asked = LATER - 30_000;
    const spare = prepareSampleSpare(db, sample, asked);
    let loads = 0;
    const counted = async (): Promise<unknown[]> => {
      loads += 1;
      return sample();
    };
    const result = await resetToSample(lead, counted, LATER, await resetLoss(db), { spare });
    expect(result).toMatchObject({ ok: true, status: 'seeded' });
    expect(loads).toBe(0);
    expect(db.name).toBe((await spare).ok && ((await spare) as { dbName: string }).dbName);
    const stored = await loadDataset(db);
    expect(stored && newestEventAt(stored)).toBe(asked - SAMPLE_LEAD_MS);
    expect(await readMeta(db, 'seededAt')).toBe(asked);
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('writes the sample again when the spare was written too long before the leader confirmed', async () => {
    const asked = LATER - SPARE_MAX_AGE_MS - 1;
    const spare = await prepareSampleSpare(db, sample, asked);
    if (!spare.ok) throw new Error('spare failed');
    const result = await resetToSample(lead, sample, LATER, await resetLoss(db), {
      spare: Promise.resolve(spare),
    });
    expect(result).toMatchObject({ ok: true });
    expect(db.name).not.toBe(spare.dbName);
    expect(await Dexie.exists(spare.dbName)).toBe(false);
    const stored = await loadDataset(db);
    expect(stored && newestEventAt(stored)).toBe(LATER - SAMPLE_LEAD_MS);
  });

  it('raises no record alarm afterwards, though a backup of the old record was exported here', async () => {
    const exported = await exportBackup(db, lead, NOW + 120_000);
    expect(exported.ok).toBe(true);
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
    expect(await resetToSample(lead, sample, LATER, await resetLoss(db))).toMatchObject({ ok: true });
    expect(await checkStoredRecordHealth(db)).toEqual({ status: 'ok' });
  });

  it('is refused to an operator, the wall, and an account id posing as a session, changing nothing', async () => {
    const before = await state();
    const loss = await resetLoss(db);
    expect(await resetToSample(op, sample, LATER, loss)).toEqual({
      ok: false,
      refusal: { key: 'reset.leaderOnly', params: {} },
    });
    expect(await resetToSample(wall, sample, LATER, loss)).toMatchObject({
      refusal: { key: 'reset.leaderOnly' },
    });
    expect(await resetToSample('lead' as SessionToken, sample, LATER, loss)).toMatchObject({
      refusal: { key: 'auth.notSignedIn' },
    });
    await db.accounts.update('lead', { disabled: true });
    expect(await resetToSample(lead, sample, LATER, loss)).toMatchObject({
      refusal: { key: 'auth.disabled' },
    });
    expect(await state()).toEqual({ ...before, accounts: await db.accounts.toArray() });
  });

  it('drops the spare it wrote when refused, and leaves the sample centre where it was', async () => {
    const spare = await prepareSampleSpare(db, sample, LATER);
    if (!spare.ok) throw new Error('spare failed');
    expect(await Dexie.exists(spare.dbName)).toBe(true);
    const loss = await resetLoss(db);
    expect(await resetToSample(op, sample, LATER, loss, { spare: Promise.resolve(spare) })).toMatchObject({
      refusal: { key: 'reset.leaderOnly' },
    });
    expect(await Dexie.exists(spare.dbName)).toBe(false);
    expect((await currentCentre(registry, LATER)).dbName).toBe(db.name);
  });

  it('is refused on a real centre’s data', async () => {
    await replaceDataset(db, { ...fixture, meta: { ...fixture.meta, label: '新安街道', synthetic: false } });
    const before = await state();
    expect(await resetToSample(lead, sample, LATER, await resetLoss(db))).toMatchObject({
      refusal: { key: 'reset.notSample' },
    });
    expect(await state()).toEqual(before);
  });

  it('is refused when more was stored after the leader confirmed than they were told would be lost', async () => {
    const told: ResetLoss = await resetLoss(db);
    await createCase(
      db,
      { ...(await db.cases.toArray()).at(-1)!, source: 'patrol', description: '确认后又登记的案件' },
      [],
      op,
      NOW + 120_000,
    );
    const before = await state();
    expect(await resetToSample(lead, sample, LATER, told)).toMatchObject({
      ok: false,
      refusal: { key: 'reset.changed', params: { cases: told.cases + 1 } },
    });
    expect(await state()).toEqual(before);
  });

  it('keeps the stored data when the sample is bad', async () => {
    const before = await state();
    const broken = async (): Promise<unknown[]> => {
      const [township, cases] = makeFixtureSampleFiles() as [{ grids: { code: string }[] }, unknown];
      township.grids[1]!.code = '32038110500100';
      return [township, cases];
    };
    const result = await resetToSample(lead, broken, LATER, await resetLoss(db));
    expect(result.ok).toBe(false);
    expect(await state()).toEqual(before);
  });
});
