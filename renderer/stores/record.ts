import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { RecordAlarm, RecordHealth } from '../../shared/cases/record-health';

/**
 * The health of the stored record (执法记录), as the quick check found it at start-up and after every
 * write since: the workstation and the wall show its alarms until the record is sound again.
 */
export const useRecordStore = defineStore('record', () => {
  const health = shallowRef<RecordHealth | null>(null);
  const alarms = computed<readonly RecordAlarm[]>(() =>
    health.value?.status === 'alarm' ? health.value.alarms : [],
  );

  function setHealth(next: RecordHealth): void {
    health.value = next;
  }

  return { health, alarms, setHealth };
});
