/**
 * The 12345 import's memory of export sources (see shared/import/import-source.ts), kept in `meta` beside
 * the centre's settings. Any enabled account that may import (operator or leader) may update it; the
 * role is read from the stored account where it is written.
 */
import {
  EMPTY_IMPORT_SOURCES,
  parseImportSources,
  rememberSource,
  type ImportSourceMemory,
  type SourceChoices,
} from '../../shared/import/import-source';
import type { GridDeskDb } from './database';

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
 * Records what the operator settled for one source, as the account `accountId`: an enabled operator or
 * leader (a viewer or disabled account is refused and nothing is written). Read and write are one
 * transaction, so two imports confirming at once cannot lose each other's source.
 */
export async function rememberImportSource(
  db: GridDeskDb,
  choices: SourceChoices,
  accountId: string,
): Promise<RememberSourceResult> {
  return db.transaction('rw', db.accounts, db.meta, async () => {
    const account = await db.accounts.get(accountId);
    if (account === undefined || account.disabled || account.role === 'viewer') {
      return { ok: false, key: 'importSources.notAllowed' } as const;
    }
    const memory = rememberSource(await loadImportSources(db), choices);
    await db.meta.put({ key: 'importSources', value: memory });
    return { ok: true, memory } as const;
  });
}
