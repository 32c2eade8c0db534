import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { liveQuery, type Subscription } from 'dexie';
import type { ImportedFile } from '../../shared/cases/data-events';
import type { HistoryCase } from '../../shared/history/history-case';
import type { GridDeskDb } from '../db/database';
import { historyCountsByGrid, historyImportSeqs, historyOfGrid } from '../db/history-repo';
import type { ImportRefusal } from '../db/imports-repo';
import { grantSession } from '../db/sessions';
import { currentDb } from '../db/handle';
import type { HistoryJob } from '../history/client';
import type { CoordSystem } from '../../shared/geo/coord-systems';
import type { HistoryMapping } from '../../shared/history/history-mapping';
import type { HistoryCentre, HistoryPreview, HistoryWriteProgress } from '../history/history-service';
import { useAuthStore } from './auth';

/** Most recent history cases shown for a grid. */
export const RECENT_HISTORY = 5;

/**
 * 历史案件: the centre's imported history as the operator sees it (how many cases each grid had, the
 * most recent ones of a grid) and its import, written from the history worker by
 * db/history-repo.ts, which checks the role in its transaction.
 */
export const useHistoryStore = defineStore('history', () => {
  /** History cases per grid code; empty until loaded. */
  const countsByGrid = shallowRef<ReadonlyMap<string, number>>(new Map());
  const loaded = shallowRef(false);
  /**
   * Goes up each time a history import (or its undo) is recorded after {@link follow} started, here,
   * in a worker or in another window: what shows the history (a grid's details) reads it again.
   */
  const revision = shallowRef(0);

  async function load(): Promise<void> {
    countsByGrid.value = await historyCountsByGrid(currentDb());
    loaded.value = true;
  }

  let following: Subscription | null = null;
  /**
   * Follows the record's history imports (historyImportSeqs, a live query over the data events):
   * on each new one the revision goes up, and the counts are read again once they were loaded.
   */
  function follow(db: GridDeskDb): void {
    following?.unsubscribe();
    let seen: string | null = null;
    following = liveQuery(() => historyImportSeqs(db)).subscribe({
      next: (seqs) => {
        const mark = seqs.join(',');
        if (seen !== null && mark !== seen) {
          revision.value += 1;
          if (loaded.value) void load();
        }
        seen = mark;
      },
      error: (error: unknown) => console.error('[history] following the imports failed:', error),
    });
  }
  function unfollow(): void {
    following?.unsubscribe();
    following = null;
  }

  /** How many history cases a grid had, and its most recent ones. */
  function ofGrid(
    gridCode: string,
  ): Promise<{ readonly count: number; readonly recent: readonly HistoryCase[] }> {
    return historyOfGrid(currentDb(), gridCode, RECENT_HISTORY);
  }

  /** Checks the file `job` read against the open centre (its stored history read in the worker). */
  function check(
    job: HistoryJob,
    mapping: HistoryMapping,
    coordSystem: CoordSystem,
    centre: Omit<HistoryCentre, 'dbName'>,
  ): Promise<HistoryPreview> {
    return job.check(mapping, coordSystem, { ...centre, dbName: currentDb().name });
  }

  /**
   * Writes the rows `job` checked last as history, with the 导入 event naming `file`, from the job's
   * worker: the signed-in session is granted to it (sessions.ts grantSession) and its transaction
   * reads the leader's stored account again. `onProgress` is told the rows written.
   */
  async function write(
    job: HistoryJob,
    file: ImportedFile,
    onProgress: (progress: HistoryWriteProgress) => void,
  ): Promise<
    { readonly ok: true; readonly written: number } | { readonly ok: false; readonly refusal: ImportRefusal }
  > {
    const db = currentDb();
    const granted = await grantSession(db, useAuthStore().token);
    if (!granted.ok) return granted;
    const written = await job.write(db.name, granted.grant, file, Date.now(), onProgress);
    if (!written.ok) return written;
    return { ok: true, written: written.written };
  }

  return { countsByGrid, loaded, revision, load, follow, unfollow, ofGrid, check, write };
});
