import { defineStore } from 'pinia';
import type { IndicatorCase } from '../../shared/indicators';
import { loadIndicatorCases } from '../db/cases-repo';
import { currentDb } from '../db/handle';

/** What the indicators dialog computes on, read from the local database on request. */
export const useIndicatorsStore = defineStore('indicators', () => {
  /** Every case reported since `since` (epoch ms), each with its events in record order. */
  function casesSince(since: number): Promise<IndicatorCase[]> {
    return loadIndicatorCases(currentDb(), since);
  }
  return { casesSince };
});
