import { beforeAll, describe, expect, it } from 'vitest';
import { calendarZone } from '../calendar/config';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import { centreDate, centreDayStart } from '../calendar/zone';
import { replayCase } from '../cases/history';
import { DEFAULT_TIME_LIMIT_POLICY } from '../cases/time-limits';
import { isOpenStage, type LoopStage } from '../model/case';
import { generateTownship, SAMPLE_ANCHOR_MS, SAMPLE_SEED } from '../sample/township';
import { wallFigures, wallFiguresOfRollUps } from '../wall/figures';
import { currentAlarms } from './current';
import { indicatorReport, indicatorReportOfRollUps, reportStart } from './report';
import { caseTally, dayTallies, type CaseTally, type DayTally } from './tally';
import type { IndicatorCase, IndicatorOptions } from './types';

const HOUR = 3_600_000;

let cases: IndicatorCase[];
let tallies: CaseTally[];
let days: DayTally[];
let matters: IndicatorOptions['matters'];
beforeAll(() => {
  const ds = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
  matters = new Map(ds.matters.map((m) => [m.code, m]));
  cases = ds.cases.map((c) => ({
    case: c,
    events: replayCase(c, matters.get(c.matterCode), (name) => ({ id: name, role: 'leader' })).events,
  }));
  // Tallied as a write would: each case on its own, long before the reports below are read.
  const basis = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_TIME_LIMIT_POLICY, matters };
  tallies = cases.map((item) => caseTally(item, basis));
  days = dayTallies(tallies);
});

const open = (): IndicatorCase[] => cases.filter((item) => isOpenStage(item.case.stage as LoopStage));

/**
 * The sample at its anchor (Beijing 08:00) and at a quarter to six the evening before, when part of
 * that day's cases and events are still to come.
 */
const NOWS = [SAMPLE_ANCHOR_MS, SAMPLE_ANCHOR_MS - 14.25 * HOUR];

describe('the sample township’s indicators from daily roll-ups', () => {
  for (const now of NOWS) {
    for (const n of [1, 7, 30, 365]) {
      it(`gives exactly the ${n}-day report of every case, at ${new Date(now).toISOString()}`, () => {
        const options: IndicatorOptions = {
          now,
          calendar: DEFAULT_CALENDAR,
          policy: DEFAULT_TIME_LIMIT_POLICY,
          matters,
        };
        const expected = indicatorReport(cases, n, options);
        expect(expected.overall.cases).toBeGreaterThan(0);
        const zone = calendarZone(DEFAULT_CALENDAR);
        // What the store reads: the rows of the period's days before today, today's tallies, and the
        // open cases' alarms (counted in the alarms worker).
        const [first, today] = [centreDate(reportStart(n, options), zone), centreDate(now, zone)];
        const rollUps = {
          days: days.filter((row) => row.day >= first && row.day < today),
          today: tallies.filter((t) => t.day === today),
          alarms: currentAlarms(open(), options),
        };
        expect(indicatorReportOfRollUps(rollUps, n, options)).toStrictEqual(expected);
      });
    }
  }
});

describe('the sample township’s wall from daily roll-ups', () => {
  for (const now of NOWS) {
    it(`gives exactly the wall of every case, at ${new Date(now).toISOString()}`, () => {
      const base = { now, calendar: DEFAULT_CALENDAR, policy: DEFAULT_TIME_LIMIT_POLICY, matters };
      const options = { ...base, windowStart: reportStart(30, base) };
      const expected = wallFigures(cases, options);
      expect(expected.closedToday + expected.reportedToday).toBeGreaterThan(0);
      const dayStart = centreDayStart(now, calendarZone(DEFAULT_CALENDAR));
      const newest = [...cases]
        .map((item) => item.case)
        .sort((a, b) => b.reportedAt - a.reportedAt)
        .slice(0, 8);
      const rollUps = {
        days: days.filter((row) => row.day >= centreDate(options.windowStart, 'Asia/Shanghai')),
        closed: tallies.filter((t) => t.closedAt !== null && t.closedAt >= dayStart),
        recent: [...cases.map((item) => item.case).filter((c) => c.reportedAt >= dayStart), ...newest],
        open: open(),
      };
      expect(wallFiguresOfRollUps(rollUps, options)).toStrictEqual(expected);
    });
  }
});
