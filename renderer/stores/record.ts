import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { ChainHead } from '../../shared/cases/record';
import type { RecordAlarm, RecordHealth } from '../../shared/cases/record-health';
import { currentDb } from '../db/handle';
import { liveQuery, type Subscription } from 'dexie';
import type { GridDeskDb } from '../db/database';
import { readChainHead, readLastBackupHead } from '../db/record-repo';
import { recordHealthFollower } from '../db/record-health-repo';
import {
  checkExtendsInWorker,
  verifyRecordInWorker,
  verifySinceInWorker,
  type ExtendsRun,
  type IncrementalRun,
  type VerifyRun,
} from '../record/verify-client';

/**
 * The health of the stored record (执法记录), as the quick check found it at start-up and after every
 * write since: the workstation and the wall show its alarms until the record is sound again. Also the
 * record's reads and full checks that the record dialog starts.
 */
export const useRecordStore = defineStore('record', () => {
  const health = shallowRef<RecordHealth | null>(null);
  const alarms = computed<readonly RecordAlarm[]>(() =>
    health.value?.status === 'alarm' ? health.value.alarms : [],
  );

  function setHealth(next: RecordHealth): void {
    health.value = next;
  }

  let following: Subscription | null = null;
  /**
   * Keeps the record's quick check current: it runs again whenever the head, the events, the cases or
   * their loop rows change (here, in another window, or by hand in the database), so an alarm appears
   * on the workstation and the wall without a restart. It only reads, and after the first run only
   * what was appended since (recordHealthFollower); `from`, the head the start-up check found sound,
   * spares the first run reading every key.
   */
  function follow(db: GridDeskDb, from?: ChainHead | null): void {
    following?.unsubscribe();
    const check = recordHealthFollower(db, from);
    following = liveQuery(check).subscribe({
      next: setHealth,
      error: (error: unknown) => console.error('[record] health check failed:', error),
    });
  }
  function unfollow(): void {
    following?.unsubscribe();
    following = null;
  }

  /** The stored chain head (count and last hash). */
  function readHead(): Promise<ChainHead> {
    return readChainHead(currentDb());
  }

  /** The head noted at the last backup made on this PC, if any. */
  function readLastBackup(): ReturnType<typeof readLastBackupHead> {
    return readLastBackupHead(currentDb());
  }

  /** Verifies the whole stored record off the UI thread (a worker reads the same database). */
  function verify(onProgress: (checked: number, total: number) => void): VerifyRun {
    return verifyRecordInWorker(currentDb().name, onProgress);
  }

  /** The incremental check (only the events since the last verified point), off the UI thread. */
  function verifySince(onProgress: (checked: number, total: number) => void): IncrementalRun {
    return verifySinceInWorker(currentDb().name, onProgress);
  }

  /** Checks off the UI thread whether the stored record extends a head noted earlier. */
  function checkExtends(noted: ChainHead, onProgress: (checked: number, total: number) => void): ExtendsRun {
    return checkExtendsInWorker(currentDb().name, noted, onProgress);
  }

  return {
    health,
    alarms,
    setHealth,
    follow,
    unfollow,
    readHead,
    readLastBackup,
    verify,
    verifySince,
    checkExtends,
  };
});
