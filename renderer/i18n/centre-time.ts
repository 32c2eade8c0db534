/**
 * Times on screen: every view shows an instant through {@link useCentreTime}, which reads it in the
 * centre's zone (中心设置 → 中心时区, Asia/Shanghai by default) and the UI language, never in the zone
 * of the PC it runs on. The formatting itself is shared/calendar/format.ts.
 */
import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { calendarZone } from '../../shared/calendar/config';
import { formatCentreTime, type TimeStyle } from '../../shared/calendar/format';
import { useSettingsStore } from '../stores/settings';

export interface CentreTime {
  /** Instant `at` (epoch ms) as the centre reads it, in `style` (default `dateTime`: 2026/11/23 19:58). */
  readonly time: (at: number, style?: TimeStyle) => string;
  /** The centre's IANA zone, e.g. Asia/Shanghai. */
  readonly zone: ComputedRef<string>;
}

/** The centre's clock for a component: call in `setup`. */
export function useCentreTime(): CentreTime {
  const { locale } = useI18n();
  const settings = useSettingsStore();
  const zone = computed(() => calendarZone(settings.settings.calendar));
  return {
    time: (at, style = 'dateTime') => formatCentreTime(at, style, { zone: zone.value, locale: locale.value }),
    zone,
  };
}
