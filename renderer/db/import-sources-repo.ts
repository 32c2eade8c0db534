/**
 * The 12345 import's memory of export sources (see shared/import/import-source.ts), kept in `meta` beside
 * the centre's settings. Any signed-in account that may import (report cases: operator or leader) may
 * update it; the role is read from the stored account behind the session where it is written.
 */
import {
  EMPTY_IMPORT_SOURCES,
  parseImportSources,
  rememberSource,
  type ImportSourceMemory,
  type SourceChoices,
} from '../../shared/import/import-source';
import { canReport } from '../../shared/cases/permissions';
import type { GridDeskDb } from './database';
import { sessionAccount, type SessionToken } from './sessions';

/** The stored memory; empty when none is stored or what is stored does not validate (logged). */
export async function loadImportSources(db: GridDeskDb): Promise<ImportSourceMemory> {
  const row = await db.meta.get('importSources');
  if (row?.key !== 'importSources') return EMPTY_IMPORT_SOURCES;
  const parsed = parseImportSources(row.value);
  if (!parsed.ok) {
    console.warn('[import] stored import sources are invalid; starting afresh', parsed.issue);
    return EMPTY_IMPORT_SOURCES;
  }
  return parsed.memory;
}

export type RememberSourceResult =
  | { readonly ok: true; readonly memory: ImportSourceMemory }
  | { readonly ok: false; readonly key: 'importSources.notAllowed' };

/**
 * Records what the operator settled for one source, as the signed-in `session`: an enabled operator or
 * leader (a viewer, a disabled account or no session is refused and nothing is written). Read and write are one
 * transaction, so two imports confirming at once cannot lose each other's source.
 */
export async function rememberImportSource(
  db: GridDeskDb,
  choices: SourceChoices,
  session: SessionToken,
): Promise<RememberSourceResult> {
  return db.transaction('rw', db.accounts, db.meta, async () => {
    const found = await sessionAccount(db, session);
    if (!found.ok || !canReport(found.account.role)) {
      return { ok: false, key: 'importSources.notAllowed' } as const;
    }
    const memory = rememberSource(await loadImportSources(db), choices);
    await db.meta.put({ key: 'importSources', value: memory });
    return { ok: true, memory } as const;
  });
}
