import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { createAppRequestHandler } from './app-protocol';
import type { LocalTileServer } from './local-tiles';

/**
 * Declares `app:` a privileged scheme. Must run before the app is ready.
 * - standard: real origins (app://griddesk), relative URLs, and per-origin storage: IndexedDB, where the
 *   Dexie database lives, belongs to the origin app://griddesk, chosen once (see app-origin.ts).
 * - secure: a secure context, which IndexedDB persistence, crypto.subtle and module workers expect.
 * - supportFetchAPI / corsEnabled: the renderer and MapLibre's worker fetch our own files.
 * - codeCache: V8 may cache compiled scripts of this scheme, as it does for http(s).
 * Not granted: bypassCSP (our CSP must apply), allowServiceWorkers, stream.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/**
 * Serves the built renderer (`rendererRoot`, i.e. dist/renderer) as app://griddesk, and the local basemap
 * files the leader picked under app://griddesk/basemap-files/. Call once the app is ready.
 */
export function registerAppProtocol(rendererRoot: string, localFiles?: LocalTileServer): void {
  protocol.handle(
    APP_SCHEME,
    createAppRequestHandler({
      root: rendererRoot,
      ...(localFiles === undefined ? {} : { localFiles }),
      onRefused: (url, status, reason) => {
        if (status !== 404) console.error(`[app protocol] refused ${url} (${status}): ${reason}`);
      },
    }),
  );
}
