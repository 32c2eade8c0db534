import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { i18n, saveLocale, type Locale } from '../i18n';
import { platform } from '../platform';

/** `setup`: signed in to a centre set up here that holds no township data yet. */
export type AppPhase = 'loading' | 'seeding' | 'signIn' | 'setup' | 'ready' | 'error';

/** Session-wide state: language, start-up phase and what went wrong. */
export const useAppStore = defineStore('app', () => {
  const locale = ref<Locale>(i18n.global.locale.value);
  const phase = ref<AppPhase>('loading');
  const errors = shallowRef<readonly string[]>([]);

  function setLocale(next: Locale): void {
    locale.value = next;
    i18n.global.locale.value = next;
    document.documentElement.lang = next;
    saveLocale(next);
    // The menu language follows; if the main process cannot save it, the window still switches.
    platform()
      .app.setLocale(next)
      .catch((e: unknown) => console.error('[locale] the menu did not switch:', e));
  }

  function setPhase(next: AppPhase, problems: readonly string[] = []): void {
    phase.value = next;
    errors.value = problems;
  }

  return { locale, phase, errors, setLocale, setPhase };
});
