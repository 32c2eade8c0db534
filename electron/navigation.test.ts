import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_WALL_URL } from './app-origin';
import { hardenWebContents } from './navigation';

type OpenHandler = (details: { url: string }) => { action: string };

/** Enough of a webContents to emit its events; Electron is not loaded in tests. */
class FakeContents extends EventEmitter {
  openHandler: OpenHandler | undefined;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
}

function cancellable(extra: Record<string, unknown> = {}) {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...extra,
  };
}

describe('hardenWebContents', () => {
  let contents: FakeContents;
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    contents = new FakeContents();
    hardenWebContents(contents as unknown as WebContents);
  });

  it('lets the page navigate within app://griddesk', () => {
    const event = cancellable();
    contents.emit('will-navigate', event, 'app://griddesk/index.html#cases');
    expect(event.defaultPrevented).toBe(false);
  });

  it('lets a wall window load and reload the display wall URL', () => {
    for (const name of ['will-navigate', 'will-redirect'] as const) {
      const event = cancellable();
      contents.emit(name, event, APP_WALL_URL);
      expect(event.defaultPrevented, name).toBe(false);
    }
    const frame = cancellable({ url: APP_WALL_URL });
    contents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(false);
  });

  it('blocks navigation and redirects anywhere else', () => {
    for (const [name, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'file:///etc/passwd'],
      ['will-redirect', 'app://other/'],
    ] as const) {
      const event = cancellable();
      contents.emit(name, event, url);
      expect(event.defaultPrevented, `${name} ${url}`).toBe(true);
    }
  });

  it('blocks subframe navigation off our origin', () => {
    const event = cancellable({ url: 'https://evil.example/frame' });
    contents.emit('will-frame-navigate', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window and every webview', () => {
    expect(contents.openHandler?.({ url: 'app://griddesk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const event = cancellable();
    contents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('installs its listeners only once per webContents', () => {
    hardenWebContents(contents as unknown as WebContents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});
