import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { StoredDataEvent } from '../../shared/cases/data-events';
import {
  listDataEvents,
  readLastImport,
  undoLastImport,
  type ImportRefusal,
  type LastImport,
} from '../db/imports-repo';
import { currentDb } from '../db/handle';
import { useAuthStore } from './auth';
import { announceCentreDb } from './centres';

/**
 * 导入记录: the centre's imports as the record keeps them (db/imports-repo.ts), newest first, and the
 * undo of the last one. The undo checks the role where it writes; after it every window of this
 * installation opens again on what is stored now.
 */
export const useImportsStore = defineStore('imports', () => {
  const events = shallowRef<readonly StoredDataEvent[]>([]);
  const last = shallowRef<LastImport | undefined>(undefined);

  async function load(): Promise<void> {
    const db = currentDb();
    const [listed, lastImport] = await Promise.all([listDataEvents(db), readLastImport(db)]);
    events.value = [...listed].reverse();
    last.value = lastImport;
  }

  /** Undoes the last import as the signed-in account; on success the windows reload. */
  async function undo(): Promise<
    { readonly ok: true } | { readonly ok: false; readonly refusal: ImportRefusal }
  > {
    const token = useAuthStore().token;
    if (token === null) return { ok: false, refusal: { key: 'auth.notSignedIn', params: {} } };
    const db = currentDb();
    const result = await undoLastImport(db, token, Date.now());
    if (!result.ok) {
      await load();
      return result;
    }
    // The data was replaced as a whole: every window opens again on what is stored now.
    announceCentreDb(db.name, { replaced: true });
    window.location.reload();
    return { ok: true };
  }

  return { events, last, load, undo };
});
