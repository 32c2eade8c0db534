/**
 * Settings main keeps between runs (settings.json under userData). Today only the UI locale, which the
 * renderer reports through `app.setLocale` and main needs before any page has loaded, to build the menu.
 */
import { z } from 'zod';
import { localeSchema, type Locale } from '../shared/ipc/contract';
import { readJsonFile, writeJsonFile, type JsonFileProblem } from './json-file';

export const SETTINGS_FILE = 'settings.json';

export const settingsSchema = z.object({ locale: localeSchema });
export type Settings = z.infer<typeof settingsSchema>;

/** Chinese first. */
export const DEFAULT_SETTINGS: Settings = { locale: 'zh-CN' };

/** The saved settings, or the defaults on first run or when the file is damaged. */
export async function readSettings(file: string, onProblem?: JsonFileProblem): Promise<Settings> {
  return (await readJsonFile(file, settingsSchema, onProblem)) ?? DEFAULT_SETTINGS;
}

export function writeSettings(file: string, settings: Settings): Promise<void> {
  return writeJsonFile(file, settingsSchema.parse(settings));
}

/** The settings with a new locale (a new object; the caller saves it). */
export function withLocale(settings: Settings, locale: Locale): Settings {
  return { ...settings, locale };
}

/** The current UI locale, saved when it changes, with listeners (the menu rebuilds itself). */
export interface LocaleController {
  readonly current: Locale;
  set(locale: Locale): Promise<void>;
  onChange(listener: (locale: Locale) => void): () => void;
}

/** Reads the remembered locale from `file` and returns a controller that saves every change there. */
export async function loadLocaleController(
  file: string,
  onProblem?: JsonFileProblem,
): Promise<LocaleController> {
  let settings = await readSettings(file, onProblem);
  const listeners = new Set<(locale: Locale) => void>();
  return {
    get current() {
      return settings.locale;
    },
    async set(locale) {
      if (locale === settings.locale) return;
      settings = withLocale(settings, locale);
      for (const listener of listeners) listener(locale);
      await writeSettings(file, settings);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
