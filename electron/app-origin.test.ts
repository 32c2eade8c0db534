import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_WALL_URL, isAppUrl } from './app-origin';

describe('the entry URLs', () => {
  it('opens the display wall on the entry page with ?view=wall', () => {
    expect(APP_WALL_URL).toBe('app://griddesk/index.html?view=wall');
    const url = new URL(APP_WALL_URL);
    expect(url.searchParams.get('view')).toBe('wall');
    url.search = '';
    expect(url.href).toBe(APP_ENTRY_URL);
  });
});

describe('isAppUrl', () => {
  it('accepts pages of app://griddesk', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(APP_WALL_URL)).toBe(true);
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
