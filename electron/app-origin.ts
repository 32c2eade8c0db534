/**
 * The renderer's origin. The app is served from the custom scheme `app://griddesk` (see protocol.ts), never
 * from file:// or a dev server, so that it has one stable, secure origin.
 *
 * Chosen once and never to be changed: IndexedDB (the Dexie database), localStorage and every other piece of
 * web storage belong to this origin. Renaming the scheme or the host would strand the operators' data in an
 * origin nobody loads any more.
 */
import { WALL_VIEW_QUERY } from '../shared/ipc/contract';

export const APP_SCHEME = 'app';
export const APP_HOST = 'griddesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The page wall windows load: the same entry page, told by its query to show the display wall. */
export const APP_WALL_URL = `${APP_ENTRY_URL}${WALL_VIEW_QUERY}`;

/** Whether a URL belongs to our origin (exactly app://griddesk: no other host, port or credentials). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
