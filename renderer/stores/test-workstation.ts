/**
 * Test helper: a workstation's stores on a fresh Pinia over a fake-indexeddb database seeded with the
 * fixture township, signed in as a real local account, with the spatial service on the test's own
 * thread and toasts recorded instead of shown. Import 'fake-indexeddb/auto' first in the test file.
 */
import { createPinia, setActivePinia } from 'pinia';
import type { Role } from '../../shared/cases/loop-types';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { GridDeskDb } from '../db/database';
import { replaceDataset } from '../db/dataset-repo';
import { setCurrentDb } from '../db/handle';
import { closeSessionsOn, openSession, type SessionToken } from '../db/sessions';
import { loadSettings } from '../db/settings-repo';
import { addAccount, FAST, TEST_PASSWORD } from '../db/test-accounts';
import { setSpatial, spatial } from '../spatial/client';
import { sameThreadSpatial } from '../spatial/same-thread';
import { useAuthStore } from './auth';
import { useCasesStore } from './cases';
import { setNotifier } from './notify';
import { useSettingsStore } from './settings';
import { useTownshipStore } from './township';

export interface TestWorkstation {
  readonly db: GridDeskDb;
  readonly token: SessionToken;
  /** The toasts the stores showed, in order. */
  readonly notices: { readonly kind: 'error' | 'success'; readonly message: string }[];
  /** Stops following the database and deletes it. */
  close(): Promise<void>;
}

let serial = 0;

/**
 * Starts the stores the way app/session.ts does at start-up (dataset, grids into the spatial service,
 * settings, the queue read and followed) and signs `role` in (its username is the role).
 */
export async function startTestWorkstation(role: Role = 'operator'): Promise<TestWorkstation> {
  setActivePinia(createPinia());
  const db = new GridDeskDb(`store-test-${serial++}`);
  const dataset = makeFixtureDataset();
  await replaceDataset(db, dataset);
  await addAccount(db, role, role);
  const signedIn = await openSession(db, role, TEST_PASSWORD, {
    decoyIterations: FAST.iterations,
    hash: FAST,
  });
  if (!signedIn.ok) throw new Error(`sign-in as ${role} refused: ${signedIn.reason}`);
  setCurrentDb(db);
  const notices: { kind: 'error' | 'success'; message: string }[] = [];
  setNotifier({
    error: (message) => notices.push({ kind: 'error', message }),
    success: (message) => notices.push({ kind: 'success', message }),
  });
  setSpatial(sameThreadSpatial());
  useTownshipStore().setDataset(dataset);
  await spatial().load(dataset.grids.map((g) => ({ code: g.code, geometry: g.geometry })));
  useSettingsStore().setSettings(await loadSettings(db));
  const cases = useCasesStore();
  await cases.load(db);
  cases.follow(db);
  useAuthStore().setSession(signedIn.account, signedIn.token);
  return {
    db,
    token: signedIn.token,
    notices,
    async close() {
      cases.unfollow();
      closeSessionsOn(db);
      setCurrentDb(null);
      setNotifier(null);
      setSpatial(null);
      await db.delete();
    },
  };
}
