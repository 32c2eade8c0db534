/**
 * Main's implementation of the contract's services, over small interfaces so that tests run it without
 * Electron. main.ts supplies the real pieces (app versions, the locale controller, the sender's window).
 */
import type { AppInfo, BasemapFilePick, Locale, TileFetchOutcome } from '../shared/ipc/contract';
import type { LocalBasemapFile } from '../shared/tiles/local-files';
import type { ServiceImplementation } from './ipc-guard';
import type { PositionHost } from './position-host';

/** The part of a BrowserWindow the window service drives. */
export interface WindowControl {
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
}

/** Per call: the window whose page sent the request. */
export interface CallContext {
  readonly window: WindowControl;
}

export interface ServiceDependencies {
  /** Everything of {@link AppInfo} but the locale, which changes at run time. */
  readonly info: Omit<AppInfo, 'locale'>;
  readonly locale: { readonly current: Locale; set(locale: Locale): Promise<void> };
  /**
   * Opens the display wall, or brings it forward, and returns how many wall windows are open (window.ts). Not
   * per call: the wall belongs to the app, whichever window asks for it.
   */
  readonly openWall: () => number;
  /** A basemap tile from its provider (shared/tiles/fetch-tile.ts over Electron's network stack). */
  readonly fetchTile: (url: string) => Promise<TileFetchOutcome>;
  /** The position listener phones report to (position-host.ts); the app's, not per window. */
  readonly positions: PositionHost;
  /** The local basemap files offered (electron/basemap-files.ts). */
  readonly basemapFiles: { list(): readonly LocalBasemapFile[] };
  /** Shows the file dialog over the calling window and offers the picked file (main.ts). */
  readonly pickBasemapFile: (context: CallContext) => Promise<BasemapFilePick>;
}

export function createServices(deps: ServiceDependencies): ServiceImplementation<CallContext> {
  return {
    app: {
      info: () => ({ ...deps.info, locale: deps.locale.current }),
      setLocale: (_context, locale) => deps.locale.set(locale),
    },
    window: {
      toggleFullScreen: ({ window }) => {
        window.setFullScreen(!window.isFullScreen());
      },
      isFullScreen: ({ window }) => window.isFullScreen(),
      openWall: () => deps.openWall(),
    },
    tiles: {
      fetch: (_context, url) => deps.fetchTile(url),
    },
    positions: {
      configure: (_context, config) => deps.positions.configure(config),
      status: () => deps.positions.status(),
      traccar: () => deps.positions.traccar(),
      counts: () => deps.positions.counts(),
      history: (_context, query) => deps.positions.history(query),
    },
    basemapFiles: {
      list: async () => [...deps.basemapFiles.list()],
      pick: (context) => deps.pickBasemapFile(context),
    },
  };
}
