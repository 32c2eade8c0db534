import type { Platform } from './index';

/** The browser's side of the platform API: no main process, so menus never fire and full screen is the Fullscreen API. */
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
    },
    onMenuCommand: () => () => undefined,
  };
}
