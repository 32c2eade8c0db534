import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { ImportedFile } from '../../shared/cases/data-events';
import type { HistoryCase } from '../../shared/history/history-case';
import type { HistoryRow } from '../../shared/history/read-history';
import {
  historyCountsByGrid,
  historyOfGrid,
  importCaseHistory,
  listHistoryCaseNos,
} from '../db/history-repo';
import type { ImportRefusal } from '../db/imports-repo';
import { currentDb } from '../db/handle';
import { useAuthStore } from './auth';

/** Most recent history cases shown for a grid. */
export const RECENT_HISTORY = 5;

/**
 * 历史案件: the centre's imported history as the operator sees it (how many cases each grid had, the
 * most recent ones of a grid) and its import, written by db/history-repo.ts, which checks the role.
 */
export const useHistoryStore = defineStore('history', () => {
  /** History cases per grid code; empty until loaded. */
  const countsByGrid = shallowRef<ReadonlyMap<string, number>>(new Map());
  const loaded = shallowRef(false);

  async function load(): Promise<void> {
    countsByGrid.value = await historyCountsByGrid(currentDb());
    loaded.value = true;
  }

  /** How many history cases a grid had, and its most recent ones. */
  function ofGrid(
    gridCode: string,
  ): Promise<{ readonly count: number; readonly recent: readonly HistoryCase[] }> {
    return historyOfGrid(currentDb(), gridCode, RECENT_HISTORY);
  }

  /** The case numbers already stored, for the check of a new file. */
  function knownCaseNos(): Promise<Set<string>> {
    return listHistoryCaseNos(currentDb());
  }

  /** Writes checked rows as history with the 导入 event naming `file`, as the signed-in account. */
  async function importRows(
    rows: readonly HistoryRow[],
    file: ImportedFile,
  ): Promise<{ readonly ok: true } | { readonly ok: false; readonly refusal: ImportRefusal }> {
    const token = useAuthStore().token;
    if (token === null) return { ok: false, refusal: { key: 'auth.notSignedIn', params: {} } };
    const written = await importCaseHistory(currentDb(), token, rows, file, Date.now());
    if (!written.ok) return written;
    await load();
    return { ok: true };
  }

  return { countsByGrid, loaded, load, ofGrid, knownCaseNos, importRows };
});
