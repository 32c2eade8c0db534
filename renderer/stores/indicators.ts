import { defineStore } from 'pinia';
import { calendarZone } from '../../shared/calendar/config';
import { centreDate } from '../../shared/calendar/zone';
import { DEFAULT_TIME_LIMIT_POLICY } from '../../shared/cases/time-limits';
import { indicatorReportOfRollUps, reportStart, type IndicatorReport } from '../../shared/indicators';
import { currentDb } from '../db/handle';
import { readIndicatorRollUps } from '../db/tallies-repo';
import { alarmsNow } from '../tally/alarms-client';
import { useSettingsStore } from './settings';
import { useTalliesStore } from './tallies';
import { useTownshipStore } from './township';

/**
 * The indicators dialog's figures, summed from the daily roll-ups of the local database on request (the
 * roll-ups are rebuilt first when they are missing or stale), with 当前超期 over the open cases counted
 * meanwhile in the alarms worker.
 */
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
    const zone = calendarZone(options.calendar);
    const firstDay = centreDate(reportStart(days, options), zone);
    const today = centreDate(options.now, zone);
    const db = currentDb();
    const [rollUps, alarms] = await Promise.all([
      useTalliesStore().whenCurrent(() => readIndicatorRollUps(db, firstDay, today)),
      alarmsNow(db, options.now),
    ]);
    return indicatorReportOfRollUps({ ...rollUps, alarms }, days, options);
  }

  return { report };
});
