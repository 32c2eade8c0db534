import { watch } from 'vue';
import { useBasemapStore } from '../stores/basemap';
import { useOfflineMapsStore } from '../stores/offline-maps';
import { loadBasemapSettings } from '../db/basemap-repo';
import { ElMessage } from 'element-plus';
import { i18n } from '../i18n';
import { issueText } from '../i18n/issues';
import { messageText } from '../i18n/message-text';
import { useAppStore } from '../stores/app';
import { useTownshipStore } from '../stores/township';
import { useCasesStore } from '../stores/cases';
import { useHistoryStore } from '../stores/history';
import { useGeofenceStore } from '../stores/geofence';
import { useMapUiStore } from '../stores/map-ui';
import { usePlacementStore } from '../stores/placement';
import { useReassignStore } from '../stores/reassign';
import type { GridDeskDb } from '../db/database';
import { centresDb, currentDb, openCurrentCentre, setCurrentDb } from '../db/handle';
import { resetToSample, type ResetLoss } from '../db/seed';
import { findKeptSpare, prepareSampleSpare, type SpareResult } from '../db/sample-spare';
import { workstationId } from '../db/workstation-repo';
import { dropOrphanDatabases } from '../db/centres';
import { CENTRE_CHANNEL, announceCentreDb, useCentresStore } from '../stores/centres';
import { startUpDatabase } from '../db/start-up';
import { prepareSpareInWorker, seedSampleInWorker } from '../seed/client';
import { hasDataset, loadSetup } from '../db/dataset-repo';
import { useRecordStore } from '../stores/record';
import { ensureSampleAccounts } from '../db/accounts-repo';
import { closeSession, openSession, type OpenSessionResult } from '../db/sessions';
import { hashPassword } from '../../shared/accounts/password';
import { sampleAccounts } from '../../shared/accounts/sample';
import type { Account } from '../../shared/accounts/account';
import { useAuthStore } from '../stores/auth';
import { useSettingsStore } from '../stores/settings';
import { useTalliesStore } from '../stores/tallies';
import { loadSettings } from '../db/settings-repo';
import { startSamplePositionFeed, stopSamplePositionFeed } from './position-feed';
import { requestPersistentStorage } from '../db/persistence';
import { useStorageStore } from '../stores/storage';
import { spatial, spatialWorkerFailure } from '../spatial/client';
import {
  abandonUnfinishedSpare,
  dropHeldSpare,
  holdSpare,
  keepSpareReady,
  holdSpareWork,
  prepareSpareNow,
  SPARE_SIGN_IN_SETTLE_MS,
  SPARE_START_DELAY_MS,
  spareMayGoOn,
  stopKeepingSpare,
} from './reset-spare';
import { isWallWindow } from './window-kind';
import { showPhonesConfig, startPhonesFeed } from './phones-feed';
import { startGeofenceClock } from './geofence-clock';
import { pruneTracks } from '../db/positions-repo';
import { useUnitsStore } from '../stores/units';

/** Which embedded sample this build ships: a spare kept from another is not switched to. */
const SAMPLE_DIGEST = __SAMPLE_DIGEST__;

/**
 * Fetches the embedded sample township shipped with the renderer (resources/sample), as the files'
 * text: the seed worker parses them (db/seed-prepare.ts), so neither the parsing nor a copy of 44,000
 * objects for the worker runs on the UI thread.
 */
async function fetchSample(): Promise<unknown[]> {
  const get = async (name: string): Promise<string> => {
    const response = await fetch(new URL(`./sample/${name}`, document.baseURI));
    if (!response.ok) throw new Error(`sample/${name}: HTTP ${response.status}`);
    return response.text();
  };
  return Promise.all([get('township.json'), get('cases.json')]);
}

/**
 * Rebuilds the indicators' roll-ups in the background when they are missing (a new or reset store, a
 * restore) or stale, once the screen they follow has been drawn, so the worker does not compete with
 * the start-up itself; the indicators and the wall wait for them.
 */
function rebuildTalliesWhenShown(): void {
  requestAnimationFrame(() => setTimeout(() => useTalliesStore().start(), 0));
}

/**
 * While a shift leader works in the sample centre, a fresh sample is kept ready for a reset
 * (reset-spare.ts), so confirming one switches at once. Signing out or a reset under way stops the
 * preparing but keeps what is held; anyone else signing in abandons a spare still being prepared; a
 * centre of its own data holds none.
 */
function keepResetSpareForLeaders(): void {
  watch(
    () => ({
      ready: useAppStore().phase === 'ready',
      leader: useAuthStore().role === 'leader',
      synthetic: useTownshipStore().dataset?.meta.synthetic,
    }),
    ({ ready, leader, synthetic }) => {
      if (synthetic === false) dropHeldSpare();
      else if (!ready) stopKeepingSpare();
      else if (leader && synthetic === true) keepSpareReady(prepareSessionReset);
      else abandonUnfinishedSpare();
    },
    { immediate: true },
  );
}

/**
 * In the sample centre, once the sign-in screen is up: a spare kept from before (a sign-out, a
 * restart) is held if it still fits, else one is prepared in the seed worker, so that a leader who
 * resets right after signing in finds it ready. Not in the wall's window.
 */
function spareWhenSignInShown(db: GridDeskDb): void {
  if (isWallWindow()) return;
  setTimeout(() => {
    const prepare = async (): Promise<void> => {
      if (useTownshipStore().dataset?.meta.synthetic !== true) return;
      const names = (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []));
      const expected = { workstation: await workstationId(db), sample: SAMPLE_DIGEST };
      const kept = await findKeptSpare(centresDb(), names, Date.now(), expected);
      if (kept !== null) holdSpare(kept);
      else if (useAuthStore().account === null || useAuthStore().role === 'leader')
        prepareSpareNow(prepareSessionReset);
    };
    prepare().catch((e: unknown) => console.warn('[reset] no spare kept ready:', e));
  }, SPARE_START_DELAY_MS);
}

/**
 * Windows of this installation (the workstation, the wall) hear on {@link CENTRE_CHANNEL} when a
 * centre's database was swapped (a reset to the sample) or another centre was opened; a window whose
 * database is no longer the open centre's reloads, and so opens the right one.
 */
function reloadWhenCentreMoves(): void {
  const channel = new BroadcastChannel(CENTRE_CHANNEL);
  channel.onmessage = (event: MessageEvent<{ dbName?: unknown; replaced?: unknown }>) => {
    if (typeof event.data.dbName !== 'string') return;
    // Another database for the centre, or this one's data replaced as a whole (an import undone).
    if (event.data.dbName !== currentDb().name || event.data.replaced === true) window.location.reload();
  };
}

/** How long after the screen is drawn the full check runs when start-up had no checkpoint (ms). */
const BACKGROUND_CHECK_DELAY_MS = 30_000;

/**
 * Without a verified checkpoint (a new install, a reset, a restore, a record never checked), the
 * start-up quick check reads every key, at every start. The full check (核验记录), run once in its worker
 * a while after the screen is drawn, leaves a checkpoint at the head when it passes, so the next
 * start-up reads only what is written after it (record-health-repo.ts). Its outcome is not shown: a
 * record it does not pass stays without a checkpoint, as the record dialog's check would leave it.
 */
function verifyInBackground(): void {
  setTimeout(() => {
    useRecordStore()
      .verify(() => undefined)
      .done.catch((e: unknown) => console.warn('[record] background check failed:', e));
  }, BACKGROUND_CHECK_DELAY_MS);
}

/** Drops spare databases left behind by an interrupted reset, once the screen is up (centres.ts). */
function dropOrphansWhenIdle(): void {
  setTimeout(() => {
    void indexedDB
      .databases()
      .then((all) =>
        dropOrphanDatabases(
          centresDb(),
          all.flatMap((d) => (d.name ? [d.name] : [])),
          Date.now(),
        ),
      )
      .catch((e: unknown) => console.warn('[centres] clean-up failed:', e));
  }, 5_000);
}

/** Deletes the tracks past their retention window, once the screen is up (positions-repo.ts). */
function pruneTracksWhenIdle(db: GridDeskDb): void {
  if (isWallWindow()) return;
  setTimeout(() => {
    pruneTracks(db, Date.now()).catch((e: unknown) => console.warn('[tracks] clean-up failed:', e));
  }, 20_000);
}

/**
 * The stores' load of start-up: the sign-in card shows before the queue is read (the operator types
 * meanwhile), and signing in waits for it before the workstation opens. Resolved when none runs.
 */
let storesLoaded: Promise<void> = Promise.resolve();

/**
 * Loads the township, the settings and the queue of `database` into their stores, the locator into
 * the spatial worker; `onSettings` is called once the township and the settings are in (before the
 * queue and the locator, which grow with the centre's volume, are waited for).
 */
async function loadIntoStores(database: GridDeskDb, onSettings?: () => void): Promise<void> {
  const dataset = await loadSetup(database);
  if (!dataset) throw new Error('the local database holds no township');
  useTownshipStore().setDataset(dataset);
  // Plain copies cross to the worker; the locator is built there, off the UI thread, while the
  // settings and the queue are read.
  const located = Promise.race([
    spatial().load(dataset.grids.map((g) => ({ code: g.code, geometry: g.geometry }))),
    spatialWorkerFailure(),
  ]);
  located.catch(() => undefined); // awaited below
  useSettingsStore().setSettings(await loadSettings(database));
  useBasemapStore().setSettings(await loadBasemapSettings(database), database.name);
  const cases = useCasesStore();
  const queue = cases.load(database);
  queue.catch(() => undefined); // awaited below
  onSettings?.();
  await Promise.all([queue, located]);
  cases.follow(database);
  useHistoryStore().follow(database);
  useUnitsStore().start();
  // The phones report to the host; the workstation stores their fixes, the wall reads what it stored.
  if (!isWallWindow()) {
    await startPhonesFeed(database).catch((e: unknown) => console.error('[phones]', e));
    startGeofenceClock(database);
    useGeofenceStore().follow(database);
  } else await showPhonesConfig(database).catch((e: unknown) => console.error('[phones]', e));
}

/**
 * Opens the local database (a version-1 database gets its record built by the upgrade, once), runs
 * the record's quick check, seeds the sample only into an empty database, and loads the stores. A
 * record that exists is never rebuilt or seeded over: what the check finds wrong is raised as an
 * alarm (执法记录异常) on the workstation and the wall, and the record is left as found. Problems are
 * shown, never swallowed; nothing stored is touched when the sample is bad.
 */
export async function startSession(): Promise<void> {
  const app = useAppStore();
  try {
    const { db, centre } = await openCurrentCentre(Date.now());
    performance.mark('griddesk:opened');
    useCentresStore().setOpen(centre);
    reloadWhenCentreMoves();
    keepResetSpareForLeaders();
    // Only the sample centre is ever seeded; a centre set up here stays empty until its data is brought in.
    // Seeding the sample: its accounts are hashed meanwhile (PBKDF2 runs off the UI thread), not after.
    let hashed: Promise<readonly Account[]> | undefined;
    const onSeeding = (): void => {
      app.setPhase('seeding');
      hashed = sampleAccounts((password) => hashPassword(password), Date.now());
      hashed.catch(() => undefined); // awaited below
    };
    const started = await startUpDatabase(db, fetchSample, Date.now(), onSeeding, {
      seedInto: seedSampleInWorker,
      seed: centre.kind === 'sample',
    });
    performance.mark('griddesk:checked');
    useRecordStore().setHealth(started.health);
    if (started.seed?.ok === false) {
      app.setPhase(
        'error',
        started.seed.errors.map((e) => issueText(i18n.global.t, e)),
      );
      return;
    }
    useRecordStore().follow(db, started.point);
    await ensureSampleAccounts(db, (password) => hashPassword(password), Date.now(), hashed);
    if (started.health.status === 'empty' || !(await hasDataset(db))) {
      // A new centre (or one whose set-up was undone: its record holds only that): its shift leader
      // signs in, then brings in its data (phase 'setup').
      app.setPhase('signIn');
      dropOrphansWhenIdle();
      return;
    }
    // Nobody signed in yet: the card shows as soon as the township and the settings are in.
    let card = false;
    storesLoaded = loadIntoStores(db, () => {
      if (useAuthStore().account !== null) return;
      card = true;
      app.setPhase('signIn');
    });
    await storesLoaded;
    performance.mark('griddesk:stores');
    if (useTownshipStore().dataset?.meta.synthetic === true) startSamplePositionFeed(db);
    if (!card) app.setPhase(useAuthStore().account === null ? 'signIn' : 'ready');
    spareWhenSignInShown(db);
    rebuildTalliesWhenShown();
    dropOrphansWhenIdle();
    pruneTracksWhenIdle(db);
    if (!started.fromCheckpoint && started.health.status === 'ok' && (started.point?.count ?? 0) > 0)
      verifyInBackground();
    void requestPersistentStorage().then((result) => useStorageStore().setPersistence(result));
  } catch (error) {
    app.setPhase('error', [error instanceof Error ? error.message : String(error)]);
  }
}

/**
 * Starts writing a fresh sample into a spare database, in the seed worker, for a reset: the reset
 * command starts it when it asks the leader to confirm (if none is held ready), so only the switch is
 * left once they do; a cancelled reset gives it back (reset-spare.ts). `signal` abandons it.
 */
export function prepareSessionReset(signal?: AbortSignal): Promise<SpareResult> {
  const preparing = prepareSampleSpare(currentDb(), fetchSample, Date.now(), {
    prepare: prepareSpareInWorker,
    sample: SAMPLE_DIGEST,
    mayGoOn: spareMayGoOn,
    ...(signal ? { signal } : {}),
  });
  preparing.catch(() => undefined); // reported by the reset that awaits it, if it goes ahead
  return preparing;
}

/**
 * Puts the sample centre back to a fresh sample as the signed-in leader (the repository checks the
 * role and that this is the sample centre); `confirmed` is what the leader was told would be lost.
 * Clears what the screen still held of the old data (placement, grid re-check, selection) and reopens
 * the stores on the new database; other windows hear of it and reload. Returns whether it worked;
 * failures are shown.
 */
export async function resetSessionToSample(
  confirmed: ResetLoss,
  spare?: Promise<SpareResult>,
): Promise<boolean> {
  const app = useAppStore();
  const database = currentDb();
  const t = i18n.global.t;
  const token = useAuthStore().token;
  if (token === null) {
    ElMessage.error(t('auth.notSignedIn'));
    return false;
  }
  usePlacementStore().cancel();
  useReassignStore().close();
  useMapUiStore().select(null);
  app.setPhase('seeding');
  try {
    const synthetic = useTownshipStore().dataset?.meta.synthetic === true;
    const result = await resetToSample(centresDb(), database, token, fetchSample, Date.now(), confirmed, {
      prepare: prepareSpareInWorker,
      sample: SAMPLE_DIGEST,
      ...(spare === undefined ? {} : { spare }),
    });
    if (!result.ok) {
      ElMessage.error(
        'refusal' in result
          ? messageText(t, i18n.global.te, result.refusal.key, result.refusal.params)
          : `${t('app.loadFailed')}: ${result.errors.map((e) => issueText(t, e)).join('; ')}`,
      );
      return false;
    }
    stopSamplePositionFeed();
    useRecordStore().unfollow();
    useCasesStore().unfollow();
    useHistoryStore().unfollow();
    setCurrentDb(result.db);
    useRecordStore().follow(result.db);
    await loadIntoStores(result.db);
    if (synthetic) startSamplePositionFeed(result.db);
    announceCentreDb(result.db.name);
    rebuildTalliesWhenShown();
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
 * After a new centre's first dataset was written (stores/centre-setup.ts): the stores load it and
 * the workstation opens on the centre's own township.
 */
export async function openSetUpCentre(): Promise<void> {
  await loadIntoStores(currentDb());
  useAppStore().setPhase('ready');
  rebuildTalliesWhenShown();
}

/**
 * Signs in with a username and password against the local accounts. On success the account and its
 * session token go into the auth store and the workstation opens; an old, weaker hash is replaced on
 * the way (renderer/db/sessions.ts).
 */
export async function signInSession(username: string, password: string): Promise<OpenSessionResult> {
  // A spare sample being written in the background makes way until the workstation has been drawn.
  let release: () => void = () => undefined;
  holdSpareWork(new Promise<void>((resolve) => (release = resolve)));
  try {
    return await signIn(username, password);
  } finally {
    requestAnimationFrame(() => setTimeout(release, SPARE_SIGN_IN_SETTLE_MS));
  }
}

async function signIn(username: string, password: string): Promise<OpenSessionResult> {
  const result = await openSession(currentDb(), username, password);
  if (!result.ok) return result;
  const auth = useAuthStore();
  closeSession(auth.token);
  auth.setSession(result.account, result.token);
  // The card may show while start-up still reads the queue: the workstation opens once it is in (a
  // failed load has shown its error instead).
  if (
    !(await storesLoaded.then(
      () => true,
      () => false,
    ))
  )
    return result;
  useAppStore().setPhase(useTownshipStore().dataset === null ? 'setup' : 'ready');
  // An offline download the app was closed in the middle of goes on (renderer/stores/offline-maps.ts).
  useOfflineMapsStore()
    .signedIn(result.account.role)
    .catch((error: unknown) => console.error('[offline download]', error));
  return result;
}

/** Signs out: the session token is revoked and the sign-in screen shows; nothing stored changes. */
export function signOutSession(): void {
  const auth = useAuthStore();
  closeSession(auth.token);
  auth.clearSession();
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
  const auth = useAuthStore();
  closeSession(auth.token);
  auth.clearSession();
  usePlacementStore().cancel();
  useReassignStore().close();
  useMapUiStore().select(null);
  await loadIntoStores(database);
  useAppStore().setPhase('signIn');
  rebuildTalliesWhenShown();
}
