import type { WorkingCalendar } from './config';

/** 2025 (国办发明电〔2024〕12号): 元旦, 春节 8 days, 清明, 劳动节 5 days, 端午, 国庆中秋 8 days. */
const HOLIDAYS_2025 = [
  '2025-01-01',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-02-01',
  '2025-02-02',
  '2025-02-03',
  '2025-02-04',
  '2025-04-04',
  '2025-04-05',
  '2025-04-06',
  '2025-05-01',
  '2025-05-02',
  '2025-05-03',
  '2025-05-04',
  '2025-05-05',
  '2025-05-31',
  '2025-06-01',
  '2025-06-02',
  '2025-10-01',
  '2025-10-02',
  '2025-10-03',
  '2025-10-04',
  '2025-10-05',
  '2025-10-06',
  '2025-10-07',
  '2025-10-08',
] as const;
const WORKDAYS_2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'] as const;

/**
 * 2026, from 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025): 元旦 1月1–3日 (1月4日上班);
 * 春节 2月15–23日 (2月14日、28日上班); 清明 4月4–6日; 劳动节 5月1–5日 (5月9日上班); 端午 6月19–21日;
 * 中秋 9月25–27日; 国庆 10月1–7日 (9月20日、10月10日上班).
 */
const HOLIDAYS_2026 = [
  '2026-01-01',
  '2026-01-02',
  '2026-01-03',
  '2026-02-15',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-02-21',
  '2026-02-22',
  '2026-02-23',
  '2026-04-04',
  '2026-04-05',
  '2026-04-06',
  '2026-05-01',
  '2026-05-02',
  '2026-05-03',
  '2026-05-04',
  '2026-05-05',
  '2026-06-19',
  '2026-06-20',
  '2026-06-21',
  '2026-09-25',
  '2026-09-26',
  '2026-09-27',
  '2026-10-01',
  '2026-10-02',
  '2026-10-03',
  '2026-10-04',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
] as const;
const WORKDAYS_2026 = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
] as const;

/**
 * The default working calendar: 08:30–12:00 and 13:30–17:30 on working days, with the public holidays
 * and make-up working days (调休) of 2025 and 2026 as announced by the State Council (2027 is announced
 * in November 2026 and is not included).
 *
 * The State Council publishes the next year's arrangement each autumn: check these lists against the
 * official notice every year. The centre edits its own copy in settings (which also covers local
 * arrangements); this constant is only the starting point and the fallback.
 */
export const DEFAULT_CALENDAR: WorkingCalendar = {
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  holidays: [...HOLIDAYS_2025, ...HOLIDAYS_2026],
  workdays: [...WORKDAYS_2025, ...WORKDAYS_2026],
};
