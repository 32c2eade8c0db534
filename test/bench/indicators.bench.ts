import { DEFAULT_CALENDAR } from '../../shared/calendar/holidays';
import { formatCentreTime } from '../../shared/calendar/format';
import { replayCase } from '../../shared/cases/history';
import { DEFAULT_TIME_LIMIT_POLICY } from '../../shared/cases/time-limits';
import {
  computeIndicators,
  currentAlarms,
  caseTally,
  dayTallies,
  departmentScorecards,
  groupIndicators,
  indicatorReport,
  indicatorReportOfRollUps,
  reportStart,
  type IndicatorCase,
} from '../../shared/indicators';
import { isOpenStage, type LoopStage } from '../../shared/model/case';
import { generateTownship, SAMPLE_ANCHOR_MS, SAMPLE_SEED } from '../../shared/sample/township';
import { measure, report } from './harness';

/**
 * The 考核指标 dialog's 365-day report over the sample township: before, three passes over the period's
 * cases that each computed every case's clocks (the baseline); now one report that computes them once
 * and adds 当前超期 over every open case; and the same report summed from daily roll-ups (after tallying
 * every case once, as the roll-ups' rebuild does). And what showing a time in the centre's zone costs: the
 * formatter against `toISOString` (no zone, no locale) for the same instants.
 */
export async function benchIndicators(): Promise<Record<string, number>> {
  const ds = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
  const matters = new Map(ds.matters.map((m) => [m.code, m]));
  const all: IndicatorCase[] = ds.cases.map((c) => ({
    case: c,
    events: replayCase(c, matters.get(c.matterCode), (name) => ({ id: name, role: 'leader' })).events,
  }));
  const options = {
    now: SAMPLE_ANCHOR_MS,
    calendar: DEFAULT_CALENDAR,
    policy: DEFAULT_TIME_LIMIT_POLICY,
    matters,
  };
  const since = reportStart(365, options);
  const period = all.filter((item) => item.case.reportedAt >= since);
  const loaded = all.filter(
    (item) => item.case.reportedAt >= since || isOpenStage(item.case.stage as LoopStage),
  );

  const before = measure('3 passes over 365 days (baseline)', () => [
    computeIndicators(period, options),
    groupIndicators(period, 'team', options),
    departmentScorecards(period, options.calendar),
  ]);
  const now = measure('indicatorReport, 365 days + open cases', () => indicatorReport(loaded, 365, options));
  // From daily roll-ups: what a rebuild computes once (every case's tally), then the report of them.
  const tallied = measure('tally every case (the rebuild, once)', () =>
    all.map((i) => caseTally(i, options)),
  );
  const tallies = all.map((item) => caseTally(item, options));
  const rollUps = {
    days: dayTallies(tallies),
    today: tallies.filter((t) => t.reportedAt >= reportStart(1, options)),
  };
  const open = all.filter((item) => isOpenStage(item.case.stage as LoopStage));
  const summed = measure(`report of ${rollUps.days.length} day roll-ups + open cases`, () =>
    indicatorReportOfRollUps({ ...rollUps, alarms: currentAlarms(open, options) }, 365, options),
  );
  report(
    `indicators: ${period.length} cases in 365 days, ${loaded.length} loaded`,
    [before, now, tallied, summed],
    before,
  );

  const instants = all.flatMap((item) => item.events.map((e) => e.at));
  const iso = measure('toISOString (baseline)', () => instants.map((at) => new Date(at).toISOString()));
  const centre = measure('formatCentreTime dateTime zh-CN', () =>
    instants.map((at) => formatCentreTime(at, 'dateTime', { zone: 'Asia/Shanghai', locale: 'zh-CN' })),
  );
  report(`formatting: ${instants.length} instants`, [iso, centre], iso);
  return {
    cases: period.length,
    passesMs: before.medianMs,
    reportMs: now.medianMs,
    reportOverPasses: now.medianMs / before.medianMs,
    tallyAllMs: tallied.medianMs,
    rollUpReportMs: summed.medianMs,
    dayRows: rollUps.days.length,
    instants: instants.length,
    isoMs: iso.medianMs,
    formatMs: centre.medianMs,
    formatPerInstantUs: (centre.medianMs * 1000) / instants.length,
  };
}
