/**
 * Which web permissions the renderer gets: only what GridDesk uses, only for app://griddesk. Plain logic so
 * tests run it without Electron; permissions.ts installs it on the session.
 */
import { isAppUrl } from './app-origin';

/**
 * Granted permissions and why:
 * - 'persistent-storage': navigator.storage.persist(), so Chromium never evicts the IndexedDB database (the
 *   cases) under disk pressure. Electron's typings do not list it, hence plain strings here.
 * - 'fullscreen': the display wall's full-screen mode (Fullscreen API, as the web build uses).
 * - 'clipboard-sanitized-write': copying a case number or coordinates.
 * Everything else (camera, microphone, geolocation, notifications, MIDI, HID, serial, USB, display capture,
 * opening external protocols, clipboard reading…) is denied.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set([
  'persistent-storage',
  'fullscreen',
  'clipboard-sanitized-write',
]);

/**
 * Whether to grant `permission` to a page at `requestingUrl` (a URL or an origin). Unknown permissions and
 * any origin other than app://griddesk are denied.
 */
export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
