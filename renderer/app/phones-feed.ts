/**
 * The phones' reports in the workstation window: the centre's feed configuration handed to the host
 * when the centre is loaded (stores/phones.ts), and every batch of fixes the host admits (checked at
 * the boundary with the contract's schema) shown at once and stored as the officers' positions, by
 * the path every feed takes (position-feed.ts), in arrival order, into the centre open now. The wall
 * stores nothing: it reads what the workstation stored.
 */
import type { AdmittedFix } from '../../shared/positions/admit';
import type { PositionReport } from '../../shared/positions/reports';
import { currentDb } from '../db/handle';
import { loadFeedConfig } from '../db/phones-repo';
import type { GridDeskDb } from '../db/database';
import { platform } from '../platform';
import { usePhonesStore } from '../stores/phones';
import { showPositions, storePositions } from './position-feed';

/** At most this many reports go into one write (10 s of 2,000 phones at one a second). */
const MAX_REPORTS_PER_WRITE = 20_000;
/**
 * A write starts at least this long after the one before, ms: each officer's row is then put once per
 * interval however often their phone reports (2,000 phones at one a second: a fifth of the puts), and
 * the stored positions (what the wall and the next start read) are at most about this much behind the
 * map. The map, the unit board and the recommendations do not wait for it.
 */
export const POSITION_WRITE_INTERVAL_MS = 5_000;

let stopListening: (() => void) | null = null;
/** Reports shown but not yet written, in arrival order: the next write takes them all. */
const unwritten: PositionReport[] = [];
let writing = false;

/**
 * Takes a batch of fixes: shown on the map at once; written at once when no write is under way, else
 * with every batch that arrives meanwhile in the next write, which starts at least
 * {@link POSITION_WRITE_INTERVAL_MS} after the one before. A write commits durably, which can take
 * longer than the host's 100 ms between batches on a busy PC; one write per batch would then fall
 * further behind every second (2,000 phones make ten batches a second), while merged batches keep the
 * stored positions a write or two behind the phones, and the map does not wait for them.
 */
function receive(fixes: readonly AdmittedFix[]): void {
  const reports = fixes.map((f) => ({
    officerId: f.officerId,
    position: f.position,
    at: f.at,
    battery: f.battery,
    accuracy: f.accuracy,
    speed: f.speed,
  }));
  showPositions(reports, Date.now());
  for (const report of reports) unwritten.push(report);
  if (writing) return;
  writing = true;
  void writeUnwritten();
}

async function writeUnwritten(): Promise<void> {
  try {
    while (unwritten.length > 0) {
      const started = Date.now();
      const reports = unwritten.splice(0, MAX_REPORTS_PER_WRITE);
      await storePositions(currentDb(), reports, Date.now()).catch((error: unknown) =>
        console.error('[phones]', error),
      );
      const wait = started + POSITION_WRITE_INTERVAL_MS - Date.now();
      if (wait > 0 && unwritten.length < MAX_REPORTS_PER_WRITE)
        await new Promise((resolve) => setTimeout(resolve, wait));
    }
  } finally {
    writing = false;
  }
}

/**
 * Runs the feed of centre `db` in this window (again after a reset, a restore or a switch). Resolves
 * once the configuration is in the phones store (so the sample's simulator, started next, knows whom
 * the phones report); handing it to the host goes on, and its outcome is the store's `status`.
 */
export async function startPhonesFeed(db: GridDeskDb): Promise<void> {
  stopListening ??= platform().onPositionFixes(receive);
  void usePhonesStore().apply(await loadFeedConfig(db));
}

/**
 * The wall's side of the feed of centre `db`: the configuration only, so its unit statuses (离线 after
 * the centre's timeout, for the officers a phone is bound to) are the workstation's. The wall neither
 * listens nor stores; it reads what the workstation stored.
 */
export async function showPhonesConfig(db: GridDeskDb): Promise<void> {
  usePhonesStore().show(await loadFeedConfig(db));
}
