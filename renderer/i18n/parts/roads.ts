/**
 * Messages for road distances in dispatch recommendations (reason `roadDistance`). Merged into the
 * `reason` namespace of the app's messages. Placeholders use vue-i18n named interpolation.
 */
export const roadsMessages = {
  'zh-CN': {
    reason: {
      roadDistanceM: '道路距离 {metres} m',
      roadDistanceKm: '道路距离 {km} km',
    },
  },
  en: {
    reason: {
      roadDistanceM: '{metres} m by road',
      roadDistanceKm: '{km} km by road',
    },
  },
} as const;
