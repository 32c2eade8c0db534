import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import { replayCase } from '../cases/history';
import { DEFAULT_TIME_LIMIT_POLICY } from '../cases/time-limits';
import type { TownshipDataset } from '../model/dataset';
import { generateTownship, SAMPLE_ANCHOR_MS, SAMPLE_SEED } from '../sample/township';
import { computeIndicators, groupIndicators } from './compute';
import { departmentScorecards } from './departments';
import { indicatorReport, reportStart } from './report';
import type { IndicatorCase, IndicatorOptions, Ratio } from './types';
import { isOpenStage, type LoopStage } from '../model/case';
import { wallFigures } from '../wall/figures';

let ds: TownshipDataset;
let cases: IndicatorCase[];
let options: IndicatorOptions;
beforeAll(() => {
  ds = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
  const matters = new Map(ds.matters.map((m) => [m.code, m]));
  cases = ds.cases.map((c) => ({
    case: c,
    events: replayCase(c, matters.get(c.matterCode), (name) => ({ id: name, role: 'leader' })).events,
  }));
  options = { now: SAMPLE_ANCHOR_MS, calendar: DEFAULT_CALENDAR, policy: DEFAULT_TIME_LIMIT_POLICY, matters };
});

const isRate = (r: Ratio): boolean =>
  r.value !== null && r.value >= 0 && r.value <= 1 && r.numerator <= r.denominator;

describe('indicators over the sample township', () => {
  it('counts as closed exactly the sample cases in a closed or evaluated stage', () => {
    const result = computeIndicators(cases, options);
    const closed = ds.cases.filter((c) => c.stage === 'closed' || c.stage === 'evaluated').length;
    expect(result.cases).toBe(ds.cases.length);
    expect(result.closureRate.numerator).toBe(closed);
    for (const rate of [
      result.closureRate,
      result.onTimeClosureRate,
      result.onTimeHandlingRate,
      result.onTimeRegistrationRate,
      result.accurateRegistrationRate,
      result.validReportRate,
    ]) {
      expect(isRate(rate)).toBe(true);
    }
    // Some sample cases stall past the handling limit; most are handled in time.
    expect(result.onTimeHandlingRate.value).toBeLessThan(1);
    expect(result.onTimeHandlingRate.value).toBeGreaterThan(0.3);
    expect(result.averageResponseMs.value).toBeGreaterThan(0);
  });

  it('puts every case in exactly one team and one grid', () => {
    for (const by of ['team', 'grid'] as const) {
      const total = groupIndicators(cases, by, options).reduce((sum, g) => sum + g.indicators.cases, 0);
      expect(total).toBe(ds.cases.length);
    }
  });

  it('scores the county departments the sample whistles in', () => {
    const cards = departmentScorecards(cases, DEFAULT_CALENDAR);
    const ids = new Set(ds.departments.map((d) => d.id));
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(ids.has(card.departmentId)).toBe(true);
      expect(card.responded).toBeLessThanOrEqual(card.whistles);
      for (const score of [card.response, card.completion, card.satisfaction]) {
        if (score.value !== null) expect(score.value).toBeGreaterThanOrEqual(1);
        if (score.value !== null) expect(score.value).toBeLessThanOrEqual(5);
      }
    }
  });
});

describe('overdue now over the sample township: one figure on the wall and in the indicators', () => {
  /** What the repository loads for a period: the cases reported since `since`, and every open case. */
  const loaded = (since: number): IndicatorCase[] =>
    cases.filter((item) => item.case.reportedAt >= since || isOpenStage(item.case.stage as LoopStage));

  it('gives the wall’s 超期 as the indicators’ 当前超期 for every period, and per team', () => {
    const windowStart = reportStart(30, options);
    const wall = wallFigures(loaded(windowStart), { ...options, windowStart });
    expect(wall.overdue).toBeGreaterThan(0);
    for (const days of [7, 30, 90, 365]) {
      const report = indicatorReport(loaded(reportStart(days, options)), days, options);
      expect(report.alarms.overdue).toBe(wall.overdue);
      expect(report.alarms.near).toBe(wall.near);
      expect([...report.alarms.overdueIds].sort()).toEqual([...wall.overdueIds].sort());
      for (const row of wall.teams)
        expect(report.alarms.byTeam.get(row.teamId)?.overdue ?? 0).toBe(row.overdue);
      // Every team with an overdue case has its row in the report, so the rows add up to the total.
      const rows = report.byTeam.map((g) => report.alarms.byTeam.get(g.key)?.overdue ?? 0);
      expect(rows.reduce((sum, n) => sum + n, 0)).toBe(wall.overdue);
    }
  });

  it('counts each period’s own cases in its figures: a longer period holds more', () => {
    const counts = [7, 30, 90, 365].map(
      (days) => indicatorReport(loaded(reportStart(days, options)), days, options).overall.cases,
    );
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThan(counts[i - 1] ?? 0);
  });
});
