import { XLSX_TYPE, saveBytes } from '../../export/save-file';
import type { DepartmentScorecard, IndicatorGroup, Indicators } from '../../../shared/indicators';
import {
  centreMinute,
  EXPORTED_RATES,
  indicatorsFileName,
  indicatorsXlsx,
} from '../../../shared/indicators/export';

type Translate = (key: string, named?: Record<string, unknown>) => string;

export interface IndicatorsShown {
  readonly days: number;
  readonly township: string;
  readonly overall: Indicators;
  readonly byTeam: readonly IndicatorGroup[];
  /** 当前超期 now: the township's and each team's, by team id (the report's alarms). */
  readonly overdueNow: number;
  readonly teamOverdueNow: (teamId: string) => number;
  /** The centre's time zone, for the title and the file name. */
  readonly zone: string;
  readonly departments: readonly DepartmentScorecard[];
  readonly teamName: (id: string) => string;
  readonly departmentName: (id: string) => string;
}

/**
 * Saves the indicators the dialog shows as an XLSX file (a browser download; Electron saves it to the
 * downloads folder) and returns the file name. The sheet's words are the reader's language.
 */
export function downloadIndicators(t: Translate, shown: IndicatorsShown, now: number): string {
  const labels = {
    title: t('indicatorsExport.title', {
      township: shown.township,
      n: shown.days,
      at: centreMinute(now, shown.zone),
    }),
    indicatorHeaders: [
      t('indicatorsDialog.group'),
      t('indicatorsDialog.cases'),
      ...EXPORTED_RATES.map((key) => t('indicatorsExport.percent', { name: t(`indicator.${key}`) })),
      t('indicatorsExport.hours', { name: t('indicator.averageResponseMs') }),
      t('indicatorsExport.hours', { name: t('indicator.averageHandlingMs') }),
      t('indicator.overdueNow'),
    ],
    overall: t('indicatorsDialog.overall'),
    departmentsTitle: t('indicatorsDialog.byDepartment'),
    departmentHeaders: [
      t('indicatorsDialog.group'),
      t('department.whistles'),
      t('department.responded'),
      t('indicatorsExport.hours', { name: t('department.averageResponseMs') }),
      t('department.response'),
      t('department.completion'),
      t('department.satisfaction'),
    ],
  };
  const bytes = indicatorsXlsx(
    {
      overall: { indicators: shown.overall, overdueNow: shown.overdueNow },
      teams: shown.byTeam.map((g) => ({
        name: shown.teamName(g.key),
        indicators: g.indicators,
        overdueNow: shown.teamOverdueNow(g.key),
      })),
      departments: shown.departments.map((card) => ({ name: shown.departmentName(card.departmentId), card })),
    },
    labels,
    t('indicatorsExport.sheetName'),
  );
  const name = indicatorsFileName(shown.days, now, shown.zone);
  saveBytes(bytes, name, XLSX_TYPE);
  return name;
}
