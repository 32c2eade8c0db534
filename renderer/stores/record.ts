import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { ChainHead } from '../../shared/cases/record';
import type { RecordAlarm, RecordHealth } from '../../shared/cases/record-health';
import { currentDb } from '../db/handle';
import { readChainHead, readLastBackupHead } from '../db/record-repo';
import {
  checkExtendsInWorker,
  verifyRecordInWorker,
  type ExtendsRun,
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

  /** Checks off the UI thread whether the stored record extends a head noted earlier. */
  function checkExtends(noted: ChainHead, onProgress: (checked: number, total: number) => void): ExtendsRun {
    return checkExtendsInWorker(currentDb().name, noted, onProgress);
  }

  return { health, alarms, setHealth, readHead, readLastBackup, verify, checkExtends };
});
