import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { openDb, type GridDeskDb } from '../db/database';
import { replaceDataset } from '../db/dataset-repo';
import { importCaseHistory } from '../db/history-repo';
import { setCurrentDb } from '../db/handle';
import { addAccount, signInAs } from '../db/test-accounts';
import { useCaseImportStore } from './case-import';

const fixture = makeFixtureDataset();
let db: GridDeskDb;

beforeEach(async () => {
  setActivePinia(createPinia());
  db = openDb(`case-import-${Math.random()}`);
  await replaceDataset(db, fixture);
  setCurrentDb(db);
});
afterEach(async () => {
  setCurrentDb(null);
  await db.delete();
});

describe('the 12345 import’s already-imported check', () => {
  it('knows the work orders of the imported history, so re-importing an old one is flagged', async () => {
    await addAccount(db, 'lead', 'leader');
    const lead = await signInAs(db, 'lead');
    const written = await importCaseHistory(
      db,
      lead,
      [
        {
          caseNo: 'OLD-1',
          externalRef: 'GD2023000123',
          sourceText: '12345热线',
          source: 'hotline',
          matterCode: fixture.matters[0]!.code,
          urgency: 'normal',
          address: '',
          description: '',
          location: null,
          gridCode: fixture.grids[0]!.code,
          teamId: fixture.patrolAreas[0]!.teamId,
          reportedAt: Date.UTC(2023, 4, 1),
          status: 'closed',
          handledBy: '',
        },
      ],
      { role: 'caseHistory', name: 'old.csv', bytes: 10, sha256: 'b'.repeat(64) },
      Date.UTC(2026, 11, 2),
    );
    expect(written.ok).toBe(true);
    const known = await useCaseImportStore().knownExternalRefs();
    expect([...known]).toEqual(['GD2023000123']);
  });
});
