import type { GridDeskDb } from '../db/database';
import { currentDb } from '../db/handle';
import type { ImportRefusal } from '../db/imports-repo';
import type { SessionToken } from '../db/sessions';
import { useAuthStore } from './auth';
import { announceCentreDb } from './centres';

type Written = { readonly ok: true } | { readonly ok: false; readonly refusal: ImportRefusal };

/**
 * Writes a change to the centre's data as a whole (an import or its undo) as the signed-in account,
 * with `write` (which checks the role itself, in its transaction); on success every window of this
 * installation opens again on what is stored now.
 */
export async function writeAndReopen(
  write: (db: GridDeskDb, session: SessionToken) => Promise<Written>,
): Promise<Written> {
  const token = useAuthStore().token;
  if (token === null) return { ok: false, refusal: { key: 'auth.notSignedIn', params: {} } };
  const db = currentDb();
  const written = await write(db, token);
  if (!written.ok) return written;
  announceCentreDb(db.name, { replaced: true });
  window.location.reload();
  return { ok: true };
}
