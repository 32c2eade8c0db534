import { WALL_VIEW_QUERY } from '../../shared/ipc/contract';
import type { Platform } from './index';

/**
 * The browser's side of the platform API: no main process, so menus never fire, full screen is the Fullscreen
 * API and the display wall is one named window (a tab, or a window the operator drags onto the wall).
 */
export function webPlatform(): Platform {
  return {
    kind: 'web',
    app: {
      info: async () => ({
        version: __APP_VERSION__,
        electron: '',
        chrome: /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? '',
        platform: 'web',
        locale: navigator.language,
      }),
      setLocale: async () => undefined,
    },
    window: {
      toggleFullScreen: async () => {
        if (document.fullscreenElement) await document.exitFullscreen();
        else await document.documentElement.requestFullscreen();
      },
      isFullScreen: async () => document.fullscreenElement !== null,
      // The name reuses the wall's window when it is open; null means the pop-up was blocked.
      openWall: async () =>
        window.open(`${location.origin}${location.pathname}${WALL_VIEW_QUERY}`, 'griddesk-wall') ? 1 : 0,
    },
    onMenuCommand: () => () => undefined,
  };
}
