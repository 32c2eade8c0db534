/**
 * The phones' reports in the workstation window: the centre's feed configuration handed to the host
 * when the centre is loaded (stores/phones.ts), and every batch of fixes the host admits stored as the
 * officers' positions through the path every feed takes (position-feed.ts receivePositions), batch
 * after batch in arrival order, into the centre open now. The wall stores nothing: it reads what the
 * workstation stored.
 */
import type { AdmittedFix } from '../../shared/positions/admit';
import { currentDb } from '../db/handle';
import { loadFeedConfig } from '../db/phones-repo';
import type { GridDeskDb } from '../db/database';
import { platform } from '../platform';
import { usePhonesStore } from '../stores/phones';
import { receivePositions } from './position-feed';

let stopListening: (() => void) | null = null;
let storing: Promise<void> = Promise.resolve();

function store(fixes: readonly AdmittedFix[]): void {
  const db = currentDb();
  const reports = fixes.map((f) => ({
    officerId: f.officerId,
    position: f.position,
    at: f.at,
    battery: f.battery,
    accuracy: f.accuracy,
  }));
  storing = storing
    .then(() => receivePositions(db, reports, 'phones'))
    .catch((error: unknown) => console.error('[phones]', error));
}

/**
 * Runs the feed of centre `db` in this window (again after a reset, a restore or a switch). Resolves
 * once the configuration is in the phones store (so the sample's simulator, started next, knows whom
 * the phones report); handing it to the host goes on, and its outcome is the store's `status`.
 */
export async function startPhonesFeed(db: GridDeskDb): Promise<void> {
  stopListening ??= platform().onPositionFixes(store);
  void usePhonesStore().apply(await loadFeedConfig(db));
}
