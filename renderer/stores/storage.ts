import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PersistenceResult } from '../db/persistence';

/**
 * What the browser said when asked to keep this PC's database under disk pressure (persistent storage):
 * null until it has answered. The status bar shows it, so an operator sees when the cases may be evicted.
 */
export const useStorageStore = defineStore('storage', () => {
  const persistence = ref<PersistenceResult | null>(null);

  function setPersistence(result: PersistenceResult): void {
    persistence.value = result;
  }

  return { persistence, setPersistence };
});
