import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PositionCounts } from '../../shared/positions/reports';

/**
 * What the position feed has received this session: the time of the last batch and, summed over all
 * batches, how many reports moved an officer and how many were refused or set aside (stamped in the
 * future, too old, malformed, for an unknown officer). The status bar shows it.
 */
export const usePositionFeedStore = defineStore('positionFeed', () => {
  const lastBatchAt = ref<number | null>(null);
  const applied = ref(0);
  const rejectedFuture = ref(0);
  const stale = ref(0);
  const invalid = ref(0);
  const unknownOfficer = ref(0);

  /** Adds one batch received at `at` (epoch ms); `malformed` is the number parsing refused. */
  function addBatch(at: number, counts: PositionCounts, malformed: number): void {
    lastBatchAt.value = at;
    applied.value += counts.applied;
    rejectedFuture.value += counts.rejectedFuture;
    stale.value += counts.stale;
    unknownOfficer.value += counts.unknownOfficer;
    invalid.value += malformed;
  }

  return { lastBatchAt, applied, rejectedFuture, stale, invalid, unknownOfficer, addBatch };
});
