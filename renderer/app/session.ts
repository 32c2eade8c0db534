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
import { hasDataset, loadDataset } from '../db/dataset-repo';
import { listOpenCases } from '../db/cases-repo';
import { requestPersistentStorage } from '../db/persistence';
import { spatial, spatialWorkerFailure } from '../spatial/client';

let db: GridDeskDb | null = null;

/** The open local database, once the session has started. */
export function currentDb(): GridDeskDb {
  if (!db) throw new Error('the local database is not open yet');
  return db;
}

/** Reloads the open cases from the database into the store (after a write). */
export async function reloadOpenCases(): Promise<void> {
  useCasesStore().setOpenCases(await listOpenCases(currentDb()));
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
  const dataset = await loadDataset(database);
  if (!dataset) throw new Error('the local database holds no township');
  useTownshipStore().setDataset(dataset);
  // Plain copies cross to the worker; the locator is built there, off the UI thread.
  await Promise.race([
    spatial().load(dataset.grids.map((g) => ({ code: g.code, geometry: g.geometry }))),
    spatialWorkerFailure(),
  ]);
  useCasesStore().setOpenCases(await listOpenCases(database));
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
    await loadIntoStores(db);
    app.setPhase('ready');
    void requestPersistentStorage();
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
