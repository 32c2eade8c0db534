import type { GridDeskApi } from '../../shared/ipc/contract';
import { webPlatform } from './web';

/**
 * The renderer's one door to the host. In Electron the preload exposes `window.griddesk` (the typed
 * contract of shared/ipc); in a browser (`npm run web`, the display wall) the web adapter supplies the
 * same API with browser means; tests set a fake. App code never touches ipcRenderer.
 */
export type Platform = GridDeskApi & { readonly kind: 'electron' | 'web' };

declare global {
  interface Window {
    griddesk?: GridDeskApi;
  }
}

let current: Platform | null = null;

/**
 * The host's platform API: the preload's in Electron, the web adapter in a browser, chosen on first
 * use; or whatever {@link setPlatform} handed in (tests: a fake host, with the same typed contract).
 */
export function platform(): Platform {
  current ??= window.griddesk ? { ...window.griddesk, kind: 'electron' } : webPlatform();
  return current;
}

/** Supplies the platform (tests, or a host other than Electron and the browser). */
export function setPlatform(next: Platform): void {
  current = next;
}
