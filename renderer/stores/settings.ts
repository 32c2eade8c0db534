import { defineStore } from 'pinia';
import { markRaw, shallowRef } from 'vue';
import { DEFAULT_CENTRE_SETTINGS, type CentreSettings } from '../../shared/settings/centre-settings';
import { currentDb } from '../db/handle';
import type { SessionToken } from '../db/sessions';
import { saveSettings, type SaveSettingsResult } from '../db/settings-repo';
import { useTalliesStore } from './tallies';

/** The centre's settings as loaded from the local database (plain data). */
export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<CentreSettings>(DEFAULT_CENTRE_SETTINGS);
  function setSettings(next: CentreSettings): void {
    settings.value = markRaw(next);
  }

  /**
   * Saves new settings as the account of `session` (the repository checks the input and that it is a
   * shift leader); on success they apply at once, and the indicators' roll-ups are checked against them.
   */
  async function save(input: unknown, session: SessionToken): Promise<SaveSettingsResult> {
    const result = await saveSettings(currentDb(), input, session);
    if (result.ok) {
      setSettings(result.settings);
      // A new calendar makes the indicators' roll-ups stale: rebuilt in the background.
      useTalliesStore().start();
    }
    return result;
  }

  return { settings, setSettings, save };
});
