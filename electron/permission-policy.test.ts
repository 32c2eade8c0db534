import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from './permission-policy';

describe('isPermissionGranted', () => {
  it('grants persistent storage, full screen and sanitized clipboard writes to our app', () => {
    for (const permission of ['persistent-storage', 'fullscreen', 'clipboard-sanitized-write']) {
      expect(isPermissionGranted(permission, 'app://griddesk/index.html'), permission).toBe(true);
      expect(isPermissionGranted(permission, 'app://griddesk'), permission).toBe(true);
    }
  });

  it('denies everything else, even to our app', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'unknown',
    ]) {
      expect(isPermissionGranted(permission, 'app://griddesk/index.html'), permission).toBe(false);
    }
  });

  it('denies granted permissions to any other origin', () => {
    expect(isPermissionGranted('persistent-storage', 'https://evil.example')).toBe(false);
    expect(isPermissionGranted('fullscreen', 'file:///index.html')).toBe(false);
    expect(isPermissionGranted('fullscreen', '')).toBe(false);
  });
});
