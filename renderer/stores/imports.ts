import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { StoredImportEvent } from '../../shared/cases/data-events';
import {
  listImportEvents,
  readLastImport,
  undoLastImport,
  type ImportRefusal,
  type LastImport,
} from '../db/imports-repo';
import { currentDb } from '../db/handle';
import { writeAndReopen } from './write-and-reopen';

/**
 * 导入记录: the centre's imports as the record keeps them (db/imports-repo.ts), newest first, and the
 * undo of the last one. The undo checks the role where it writes; after it every window of this
 * installation opens again on what is stored now.
 */
export const useImportsStore = defineStore('imports', () => {
  const events = shallowRef<readonly StoredImportEvent[]>([]);
  const last = shallowRef<LastImport | undefined>(undefined);

  async function load(): Promise<void> {
    const db = currentDb();
    const [listed, lastImport] = await Promise.all([listImportEvents(db), readLastImport(db)]);
    events.value = [...listed].reverse();
    last.value = lastImport;
  }

  /** Undoes the last import as the signed-in account; on success the windows reload. */
  async function undo(): Promise<
    { readonly ok: true } | { readonly ok: false; readonly refusal: ImportRefusal }
  > {
    const result = await writeAndReopen((db, session) => undoLastImport(db, session, Date.now()));
    if (!result.ok) await load();
    return result;
  }

  return { events, last, load, undo };
});
