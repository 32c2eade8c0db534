import { defineStore } from 'pinia';
import { DEFAULT_TIME_LIMIT_POLICY } from '../../shared/cases/time-limits';
import { indicatorReport, reportStart, type IndicatorReport } from '../../shared/indicators';
import { loadIndicatorCases } from '../db/cases-repo';
import { currentDb } from '../db/handle';
import { useSettingsStore } from './settings';
import { useTownshipStore } from './township';

/** The indicators dialog's figures, computed from the local database on request. */
export const useIndicatorsStore = defineStore('indicators', () => {
  /**
   * The 考核指标 of the last `days` days (today included, in the centre's zone) as of now, with
   * 当前超期 over every open case, as the wall counts it.
   */
  async function report(days: number): Promise<IndicatorReport> {
    const options = {
      now: Date.now(),
      calendar: useSettingsStore().settings.calendar,
      policy: DEFAULT_TIME_LIMIT_POLICY,
      matters: useTownshipStore().matterByCode,
    };
    const items = await loadIndicatorCases(currentDb(), reportStart(days, options), { withOpen: true });
    return indicatorReport(items, days, options);
  }

  return { report };
});
