import { defineStore } from 'pinia';
import { markRaw, shallowRef } from 'vue';
import { DEFAULT_CENTRE_SETTINGS, type CentreSettings } from '../../shared/settings/centre-settings';

/** The centre's settings as loaded from the local database (plain data). */
export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<CentreSettings>(DEFAULT_CENTRE_SETTINGS);
  function setSettings(next: CentreSettings): void {
    settings.value = markRaw(next);
  }
  return { settings, setSettings };
});
