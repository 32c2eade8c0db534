/**
 * The one formatter of instants for people: every time the workstation, the wall, the record and the
 * exports show goes through {@link formatCentreTime}, in the centre's zone and the UI language, on a
 * 24-hour clock. The PC's own zone never enters (no `toLocale*String`, no `getHours`).
 */

/**
 * How much of an instant to show:
 * - `dateTime`: 2026/12/02 08:53 (lists, the case detail, the record)
 * - `dateTimeSeconds`: 2026/12/02 08:53:07 (the record's evidence, backups)
 * - `shortDateTime`: 12/02 08:53 (the wall's newest cases)
 * - `time`: 08:53:07 (clocks, "updated at")
 * - `clock`: 08:53 (time ticks along a replayed track)
 * - `longDate`: 2026年12月2日星期三 / Wednesday, December 2, 2026 (the wall's header)
 */
export type TimeStyle = 'dateTime' | 'dateTimeSeconds' | 'shortDateTime' | 'time' | 'clock' | 'longDate';

const STYLES: Readonly<Record<TimeStyle, Intl.DateTimeFormatOptions>> = {
  dateTime: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  dateTimeSeconds: {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
  shortDateTime: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  clock: { hour: '2-digit', minute: '2-digit' },
  longDate: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' },
};

/** Where and for whom: the centre's IANA zone (see zone.ts) and a BCP 47 locale ('zh-CN', 'en'). */
export interface CentreTimeFormat {
  readonly zone: string;
  readonly locale: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(style: TimeStyle, format: CentreTimeFormat): Intl.DateTimeFormat {
  const key = `${style}|${format.zone}|${format.locale}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    // hourCycle h23, not hour12: false, which some engines read as h24 and print midnight as 24:05.
    formatter = new Intl.DateTimeFormat(format.locale, {
      ...STYLES[style],
      timeZone: format.zone,
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Instant `at` (epoch ms) as a person of the centre reads it: local time of `format.zone`, in
 * `format.locale`, 24-hour clock, the parts `style` names. The same text on every PC whatever its own
 * zone. Throws RangeError for a non-finite `at` or a zone the runtime does not know.
 */
export function formatCentreTime(at: number, style: TimeStyle, format: CentreTimeFormat): string {
  if (!Number.isFinite(at)) throw new RangeError('at must be a finite epoch-millisecond time');
  return formatterOf(style, format).format(at);
}
