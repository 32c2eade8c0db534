import type { Widen } from './widen';
import { createI18n } from 'vue-i18n';
import { zhCN } from './zh-CN';
import { en } from './en';
import { issueMessages } from './issues';
import { mergeMessages, partMessages } from './parts';

const zhAll = mergeMessages(zhCN, partMessages['zh-CN']);
const enAll = mergeMessages(en, partMessages.en);
/** The shape every language must fill: the zh-CN messages with their values widened to string. */
export type MessageSchema = Widen<typeof zhAll>;

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const messages: Record<Locale, MessageSchema> = { 'zh-CN': zhAll, en: enAll };

const LOCALE_KEY = 'griddesk.locale';

/** localStorage where there is one (not in Node, where tests load this module). */
const storage = (
  globalThis as {
    localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  }
).localStorage;

/** The language chosen last time on this PC, else Chinese. */
export function savedLocale(): Locale {
  const saved = storage?.getItem(LOCALE_KEY);
  return isLocale(saved) ? saved : 'zh-CN';
}

export function saveLocale(locale: Locale): void {
  storage?.setItem(LOCALE_KEY, locale);
}

export function createAppI18n(locale: Locale) {
  return createI18n<[MessageSchema & { issue: typeof issueMessages.en }], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: {
      'zh-CN': { ...messages['zh-CN'], issue: issueMessages['zh-CN'] },
      en: { ...messages.en, issue: issueMessages.en },
    },
    // No datetimeFormats: vue-i18n's d() reads times in the PC's zone. Times go through
    // useCentreTime() (i18n/centre-time.ts), in the centre's zone.
  });
}

/** The app's one i18n instance. */
export const i18n = createAppI18n(savedLocale());
