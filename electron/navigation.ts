/**
 * Keeps every webContents on app://griddesk: navigation and redirects elsewhere are cancelled, new windows
 * are denied, <webview> is never attached. Imports Electron's types only, so tests drive it with a fake.
 */
import type { Event, WebContents, WebContentsWillFrameNavigateEventParams } from 'electron';
import { isAppUrl } from './app-origin';

const hardened = new WeakSet<WebContents>();

function refuse(what: string, url: string): void {
  console.warn(`[navigation] blocked ${what} to ${url}`);
}

/**
 * Applies the navigation rules to a webContents (idempotent). Links to the web do not open anywhere: the
 * workstation has no reason to show foreign pages, and a browser window of ours would be a way out.
 */
export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event: Event, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    refuse('navigation', url);
  });
  contents.on('will-frame-navigate', (event: Event<WebContentsWillFrameNavigateEventParams>) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refuse('frame navigation', event.url);
  });
  contents.on('will-redirect', (event: Event, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    refuse('redirect', url);
  });
  contents.on('will-attach-webview', (event: Event) => {
    event.preventDefault();
    refuse('<webview>', '(any)');
  });
  contents.setWindowOpenHandler(({ url }) => {
    refuse('window.open', url);
    return { action: 'deny' };
  });
}
