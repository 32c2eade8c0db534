import type { DepartmentScorecard, IndicatorGroup, Indicators } from '../../../shared/indicators';
import {
  chinaMinute,
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
    title: t('indicatorsExport.title', { township: shown.township, n: shown.days, at: chinaMinute(now) }),
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
      overall: shown.overall,
      teams: shown.byTeam.map((g) => ({ name: shown.teamName(g.key), indicators: g.indicators })),
      departments: shown.departments.map((card) => ({ name: shown.departmentName(card.departmentId), card })),
    },
    labels,
    t('indicatorsExport.sheetName'),
  );
  const name = indicatorsFileName(shown.days, now);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
