import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { i18n, saveLocale, type Locale } from '../i18n';
import { platform } from '../platform';

/** `setup`: signed in to a centre set up here that holds no township data yet. */
export type AppPhase = 'loading' | 'seeding' | 'signIn' | 'setup' | 'ready' | 'error';

/** Runs `run` once the next frame has been drawn (its timer runs after that frame's task); at once-ish without frames. */
function afterNextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/** Session-wide state: language, start-up phase and what went wrong. */
export const useAppStore = defineStore('app', () => {
  const locale = ref<Locale>(i18n.global.locale.value);
  const phase = ref<AppPhase>('loading');
  const errors = shallowRef<readonly string[]>([]);
  /**
   * Whether the current phase's screen has been painted once. What may wait a frame (menus with their
   * popups, dialogs not open yet) mounts after it, so signing in draws the workstation in one short
   * task and the rest in another, rather than one long one.
   */
  const painted = ref(false);

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
    if (phase.value !== next) {
      painted.value = false;
      afterNextFrame(() => {
        if (phase.value === next) painted.value = true;
      });
    }
    phase.value = next;
    errors.value = problems;
  }

  return { locale, phase, errors, painted, setLocale, setPhase };
});
