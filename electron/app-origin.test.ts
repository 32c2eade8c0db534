import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it('accepts pages of app://griddesk', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://griddesk/')).toBe(true);
    expect(isAppUrl('app://griddesk/assets/index.js?x=1#top')).toBe(true);
  });

  it('refuses other schemes, hosts, ports, credentials and garbage', () => {
    expect(isAppUrl('https://griddesk/')).toBe(false);
    expect(isAppUrl('file:///C:/griddesk/index.html')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://griddesk.evil.com/')).toBe(false);
    expect(isAppUrl('app://griddesk:8080/')).toBe(false);
    expect(isAppUrl('app://user@griddesk/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
