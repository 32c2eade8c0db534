import { WALL_VIEW_QUERY } from '../../shared/ipc/contract';
import type { Platform } from './index';
import type { TileFetchOutcome } from '../../shared/ipc/contract';
import { onWebPositionFixes, webPositions } from './web-positions';
import {
  LOCAL_FILES_INDEX,
  LOCAL_FILES_PATH,
  localBasemapFileSchema,
  type LocalBasemapFile,
} from '../../shared/tiles/local-files';

/** The basemap files the web server offers (its `--basemap-dir`); none when it was started without. */
async function listServerBasemapFiles(): Promise<LocalBasemapFile[]> {
  const response = await fetch(`${LOCAL_FILES_PATH}${LOCAL_FILES_INDEX}`, { credentials: 'omit' });
  if (!response.ok) return [];
  const listed = localBasemapFileSchema.array().safeParse(await response.json());
  return listed.success ? listed.data : [];
}

/**
 * A provider's tile through the web server's proxy (scripts/web-server.ts `/tile-proxy`): the page's CSP
 * allows no other host, and the proxy's `X-Tile-Upstream` says whether the provider answered.
 */
async function fetchTileThroughServer(url: string): Promise<TileFetchOutcome> {
  let response: Response;
  try {
    response = await fetch(`/tile-proxy?url=${encodeURIComponent(url)}`, { credentials: 'omit' });
  } catch (error) {
    // The web server itself is gone: the same as no network, for the cache.
    return { kind: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
  }
  const upstream = response.headers.get('X-Tile-Upstream');
  if (upstream === 'answered') {
    return {
      kind: 'answered',
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  }
  const reason = await response.text();
  return upstream === 'unreachable' ? { kind: 'unreachable', reason } : { kind: 'refused', reason };
}

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
    tiles: { fetch: fetchTileThroughServer },
    positions: webPositions,
    // A browser has no file dialog onto the server's disk: the folder the server was started with is the list.
    basemapFiles: { list: listServerBasemapFiles, pick: async () => ({ kind: 'unsupported' }) },
    onMenuCommand: () => () => undefined,
    onPositionFixes: onWebPositionFixes,
  };
}
