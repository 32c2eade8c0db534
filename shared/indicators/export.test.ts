import { describe, expect, it } from 'vitest';
import { readXlsx } from '../import/xlsx';
import { ratio } from './compute';
import { EXPORTED_RATES, indicatorsFileName, indicatorsXlsx } from './export';
import type { Indicators } from './types';

const none = ratio(0, 0);
/** Indicators written out field by field: every rate empty unless given. */
function indicators(over: Partial<Indicators>): Indicators {
  return {
    cases: 0,
    closureRate: none,
    onTimeClosureRate: none,
    onTimeHandlingRate: none,
    onTimeRegistrationRate: none,
    accurateRegistrationRate: none,
    validReportRate: none,
    reworkRate: none,
    extensionRate: none,
    averageResponseMs: none,
    averageHandlingMs: none,
    ...over,
  };
}
const HOUR = 3_600_000;
const labels = {
  title: '考核指标 · 近 30 天',
  indicatorHeaders: [
    '统计范围',
    '案件数',
    ...EXPORTED_RATES.map((k) => k),
    '平均响应',
    '平均处置',
    '当前超期',
  ],
  overall: '全镇',
  departmentsTitle: '部门评价',
  departmentHeaders: ['部门', '吹哨', '报到', '平均报到', '响应度', '办结度', '满意度'],
};

describe('the indicators exported to XLSX', () => {
  const bytes = indicatorsXlsx(
    {
      overall: {
        indicators: indicators({
          cases: 12,
          closureRate: ratio(2, 3),
          onTimeClosureRate: ratio(1, 1),
          averageResponseMs: ratio(3 * HOUR, 2),
        }),
        overdueNow: 4,
      },
      teams: [
        { name: '第一中队', indicators: indicators({ cases: 5, reworkRate: ratio(1, 8) }), overdueNow: 0 },
      ],
      departments: [
        {
          name: '生态环境局',
          card: {
            departmentId: 'dept-env',
            whistles: 3,
            responded: 2,
            averageResponseMs: ratio(5 * HOUR, 2),
            response: ratio(9, 2),
            completion: ratio(13, 3),
            satisfaction: none,
          },
        },
      ],
    },
    labels,
    '考核指标',
  );
  const read = readXlsx(bytes, 'indicators.xlsx');
  if (!read.ok) throw new Error(`unreadable: ${read.key}`);
  const row = (n: number) => read.records.find((r) => r.rowNumber === n)?.cells;

  it('opens as a workbook named for the indicators, titled with the period', () => {
    expect(read.sheetName).toBe('考核指标');
    expect(row(1)).toEqual(['考核指标 · 近 30 天']);
    expect(row(2)).toEqual(labels.indicatorHeaders);
  });

  it('writes the township first, rates in per cent and times in hours, an empty cell where there is no value', () => {
    expect(row(3)).toEqual(['全镇', 12, 66.7, 100, '', '', '', '', '', '', 1.5, '', 4]);
    expect(row(4)).toEqual(['第一中队', 5, '', '', '', '', '', '', 12.5, '', '', '', 0]);
  });

  it('writes the departments’ scorecards below, scores with two decimals', () => {
    expect(row(6)).toEqual(['部门评价']);
    expect(row(7)).toEqual(labels.departmentHeaders);
    expect(row(8)).toEqual(['生态环境局', 3, 2, 2.5, 4.5, 4.33]);
  });

  it('names the file after the period and the centre time of the export', () => {
    expect(indicatorsFileName(30, Date.UTC(2026, 11, 1, 16, 15), 'Asia/Shanghai')).toBe(
      'griddesk-indicators-30d-20261202-0015.xlsx',
    );
    expect(indicatorsFileName(30, Date.UTC(2026, 11, 1, 16, 15), 'Asia/Urumqi')).toBe(
      'griddesk-indicators-30d-20261201-2215.xlsx',
    );
  });
});
