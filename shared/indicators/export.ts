/**
 * 考核指标 as a spreadsheet: the township's and each team's indicators, then the county departments'
 * scorecards, on one worksheet, as numbers a spreadsheet can sum and chart (rates in per cent, times in
 * working hours, scores 1–5), written with the XLSX writer the 12345 import's tests use.
 */
import { centreTimestamp } from '../calendar/zone';
import { writeXlsx, type XlsxCellInput } from '../import/xlsx-write';
import type { DepartmentScorecard } from './departments';
import { RATE_KEYS } from './sums';
import type { Indicators, Ratio } from './types';

/** The rates of {@link Indicators}, in the order the dialog and the sheet show them. */
export const EXPORTED_RATES = RATE_KEYS;

/** The sheet's words, in the reader's language (the caller translates them). */
export interface IndicatorSheetLabels {
  /** First row, e.g. "考核指标 · 近 30 天". */
  readonly title: string;
  /** Headers of the indicator table: group, cases, each rate, response, handling, overdue now. */
  readonly indicatorHeaders: readonly string[];
  /** Name of the township row. */
  readonly overall: string;
  /** Title above the departments' table. */
  readonly departmentsTitle: string;
  /** Headers of the departments' table: department, whistles, responded, response time, 3 scores. */
  readonly departmentHeaders: readonly string[];
}

/** One row of the indicator table: the period's figures and 当前超期 now (shared/indicators/current.ts). */
export interface IndicatorSheetRow {
  readonly indicators: Indicators;
  readonly overdueNow: number;
}

export interface IndicatorSheetInput {
  readonly overall: IndicatorSheetRow;
  /** Each team with its name, in the dialog's order. */
  readonly teams: readonly (IndicatorSheetRow & { readonly name: string })[];
  readonly departments: readonly { readonly name: string; readonly card: DepartmentScorecard }[];
}

const HOUR_MS = 3_600_000;

/** A rate in per cent with one decimal, as the dialog shows it; null (an empty cell) without a denominator. */
export function percentCell(r: Ratio): number | null {
  return r.value === null ? null : Math.round(r.value * 1000) / 10;
}

/** An average of working milliseconds in hours with one decimal; null without cases. */
export function hoursCell(r: Ratio): number | null {
  return r.value === null ? null : Math.round((r.value / HOUR_MS) * 10) / 10;
}

/** A 1–5 score with two decimals; null when unrated. */
export function scoreCell(r: Ratio): number | null {
  return r.value === null ? null : Math.round(r.value * 100) / 100;
}

function indicatorRow(name: string, { indicators: i, overdueNow }: IndicatorSheetRow): XlsxCellInput[] {
  return [
    name,
    i.cases,
    ...EXPORTED_RATES.map((key) => percentCell(i[key])),
    hoursCell(i.averageResponseMs),
    hoursCell(i.averageHandlingMs),
    overdueNow,
  ];
}

/**
 * The rows of the indicators sheet: the title, the indicator table (the township first, then the
 * teams), a blank row, and the departments' table. Cells without a value (a rate with no cases) are
 * empty, never 0.
 */
export function indicatorSheetRows(
  input: IndicatorSheetInput,
  labels: IndicatorSheetLabels,
): XlsxCellInput[][] {
  return [
    [labels.title],
    [...labels.indicatorHeaders],
    indicatorRow(labels.overall, input.overall),
    ...input.teams.map((team) => indicatorRow(team.name, team)),
    [],
    [labels.departmentsTitle],
    [...labels.departmentHeaders],
    ...input.departments.map(({ name, card }) => [
      name,
      card.whistles,
      card.responded,
      hoursCell(card.averageResponseMs),
      scoreCell(card.response),
      scoreCell(card.completion),
      scoreCell(card.satisfaction),
    ]),
  ];
}

/** The indicators sheet as the bytes of an XLSX file (see {@link indicatorSheetRows}). */
export function indicatorsXlsx(
  input: IndicatorSheetInput,
  labels: IndicatorSheetLabels,
  sheetName: string,
): Uint8Array {
  return writeXlsx(indicatorSheetRows(input, labels), sheetName);
}

/** Epoch ms as wall-clock time in the centre's `zone` to the minute, `2026-12-02 09:15`. */
export function centreMinute(at: number, zone: string): string {
  return centreTimestamp(at, zone).slice(0, 16);
}

/** The file name of an export, in centre time: `griddesk-indicators-30d-20261202-0915.xlsx`. */
export function indicatorsFileName(days: number, exportedAt: number, zone: string): string {
  const stamp = centreMinute(exportedAt, zone).replaceAll('-', '').replace(' ', '-').replace(':', '');
  return `griddesk-indicators-${days}d-${stamp}.xlsx`;
}
