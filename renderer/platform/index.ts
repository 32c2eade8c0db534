import type { GridDeskApi } from '../../shared/ipc/contract';
import { webPlatform } from './web';

/**
 * The renderer's one door to the host. In Electron the preload exposes `window.griddesk` (the typed
 * contract of shared/ipc); in a browser (`npm run web`, the display wall, tests) the web adapter
 * supplies the same API with browser means. App code never touches ipcRenderer.
 */
export type Platform = GridDeskApi & { readonly kind: 'electron' | 'web' };

declare global {
  interface Window {
    griddesk?: GridDeskApi;
  }
}

export const platform: Platform = window.griddesk ? { ...window.griddesk, kind: 'electron' } : webPlatform();
