import { ElMessage } from 'element-plus';
import { i18n } from '../i18n';
import { issueText } from '../i18n/issues';
import { useAppStore } from '../stores/app';
import { useTownshipStore } from '../stores/township';
import { useCasesStore } from '../stores/cases';
import { useMapUiStore } from '../stores/map-ui';
import { usePlacementStore } from '../stores/placement';
import { useReassignStore } from '../stores/reassign';
import { openDb, type GridDeskDb } from '../db/database';
import { ensureSeeded, resetToSample } from '../db/seed';
import { hasDataset, loadSetup } from '../db/dataset-repo';
import { loadQueue } from '../db/cases-repo';
import { ensureRecord } from '../db/record-repo';
import { ensureSampleAccounts, findAccountByUsername, updatePasswordHash } from '../db/accounts-repo';
import { hashPassword } from '../../shared/accounts/password';
import { signIn, type SignInResult } from '../../shared/accounts/sign-in';
import { useAuthStore } from '../stores/auth';
import { useSettingsStore } from '../stores/settings';
import { loadSettings } from '../db/settings-repo';
import { startSamplePositionFeed } from './position-feed';
import { liveQuery, type Subscription } from 'dexie';
import { requestPersistentStorage } from '../db/persistence';
import { useStorageStore } from '../stores/storage';
import { spatial, spatialWorkerFailure } from '../spatial/client';

let db: GridDeskDb | null = null;
let queueSubscription: Subscription | null = null;

/**
 * Keeps the case stores in step with the database: any write (this window, another window, an import)
 * re-reads the queue. Replaces an earlier subscription.
 */
function followQueue(database: GridDeskDb): void {
  queueSubscription?.unsubscribe();
  queueSubscription = liveQuery(() => loadQueue(database)).subscribe({
    next: ({ open, closed, loops }) => useCasesStore().setQueue(open, closed, loops),
    error: (error: unknown) => console.error('[queue] live query failed:', error),
  });
}

/** The open local database, once the session has started. */
export function currentDb(): GridDeskDb {
  if (!db) throw new Error('the local database is not open yet');
  return db;
}

/** Fetches the embedded sample township shipped with the renderer (resources/sample). */
async function fetchSample(): Promise<unknown[]> {
  const get = async (name: string): Promise<unknown> => {
    const response = await fetch(new URL(`./sample/${name}`, document.baseURI));
    if (!response.ok) throw new Error(`sample/${name}: HTTP ${response.status}`);
    return response.json();
  };
  return Promise.all([get('township.json'), get('cases.json')]);
}

async function loadIntoStores(database: GridDeskDb): Promise<void> {
  const dataset = await loadSetup(database);
  if (!dataset) throw new Error('the local database holds no township');
  useTownshipStore().setDataset(dataset);
  // Plain copies cross to the worker; the locator is built there, off the UI thread.
  await Promise.race([
    spatial().load(dataset.grids.map((g) => ({ code: g.code, geometry: g.geometry }))),
    spatialWorkerFailure(),
  ]);
  useSettingsStore().setSettings(await loadSettings(database));
  const queue = await loadQueue(database);
  useCasesStore().setQueue(queue.open, queue.closed, queue.loops);
  followQueue(database);
}

/**
 * Opens the local database, seeds it from the sample on first run, and loads it into the stores.
 * Problems are shown, never swallowed; nothing stored is touched when the sample is bad.
 */
export async function startSession(): Promise<void> {
  const app = useAppStore();
  try {
    db = openDb();
    if (!(await hasDataset(db))) app.setPhase('seeding');
    const seeded = await ensureSeeded(db, fetchSample, Date.now());
    if (!seeded.ok) {
      app.setPhase(
        'error',
        seeded.errors.map((e) => issueText(i18n.global.t, e)),
      );
      return;
    }
    // A database from before the case record existed gets its record built from the case histories.
    await ensureRecord(db);
    await ensureSampleAccounts(db, (password) => hashPassword(password), Date.now());
    await loadIntoStores(db);
    if (useTownshipStore().dataset?.meta.synthetic === true) startSamplePositionFeed(db);
    app.setPhase(useAuthStore().account === null ? 'signIn' : 'ready');
    void requestPersistentStorage().then((result) => useStorageStore().setPersistence(result));
  } catch (error) {
    app.setPhase('error', [error instanceof Error ? error.message : String(error)]);
  }
}

/**
 * Replaces everything on this PC with the sample township, in one transaction, and clears what the
 * screen still held of the old data (placement, grid re-check, selection). Returns whether it worked;
 * failures are shown here.
 */
export async function resetSessionToSample(): Promise<boolean> {
  const app = useAppStore();
  const database = currentDb();
  usePlacementStore().cancel();
  useReassignStore().close();
  useMapUiStore().select(null);
  app.setPhase('seeding');
  try {
    const result = await resetToSample(database, fetchSample, Date.now());
    if (!result.ok) {
      ElMessage.error(
        `${i18n.global.t('app.loadFailed')}: ${result.errors.map((e) => issueText(i18n.global.t, e)).join('; ')}`,
      );
      return false;
    }
    await loadIntoStores(database);
    return true;
  } catch (error) {
    ElMessage.error(
      `${i18n.global.t('app.loadFailed')}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  } finally {
    app.setPhase('ready');
  }
}

/**
 * Signs in with a username and password against the local accounts. On success the account goes
 * into the auth store and the workstation opens; an old, weaker hash is replaced on the way.
 */
export async function signInSession(username: string, password: string): Promise<SignInResult> {
  const database = currentDb();
  const result = await signIn((name) => findAccountByUsername(database, name), username, password);
  if (!result.ok) return result;
  if (result.rehash) await updatePasswordHash(database, result.account.id, await hashPassword(password));
  useAuthStore().setAccount(result.account);
  useAppStore().setPhase('ready');
  return result;
}

/** Signs out: the workstation goes back to the sign-in screen; nothing stored changes. */
export function signOutSession(): void {
  useAuthStore().setAccount(null);
  usePlacementStore().cancel();
  useMapUiStore().select(null);
  useAppStore().setPhase('signIn');
}

/**
 * After a restore: everything on this PC changed, accounts included, so the stores are reloaded and
 * the operator signs in again.
 */
export async function reloadAfterRestore(): Promise<void> {
  const database = currentDb();
  useAuthStore().setAccount(null);
  usePlacementStore().cancel();
  useReassignStore().close();
  useMapUiStore().select(null);
  await loadIntoStores(database);
  useAppStore().setPhase('signIn');
}
