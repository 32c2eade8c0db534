import { createPositionHost } from './position-host';
import { startPositionListener } from './position-listener';
import { connectTraccar } from './traccar-connector';
import { describe, expect, it } from 'vitest';
import { IpcPayloadError } from '../shared/ipc/validate';
import {
  checkSender,
  createIpcHandlers,
  IpcSenderError,
  type FrameLike,
  type InvokeEventLike,
} from './ipc-guard';
import { createServices, type CallContext } from './services';
import type { Locale } from '../shared/ipc/contract';

const OUR_WINDOW = 7;

function frame(url: string, parent: FrameLike | null = null, routingId = 1): FrameLike {
  return { url, parent, processId: 3, routingId };
}

function eventFrom(
  url: string,
  options: { webContentsId?: number; subframe?: boolean } = {},
): InvokeEventLike {
  const mainFrame = frame(url);
  const senderFrame = options.subframe ? frame(url, mainFrame, 2) : mainFrame;
  return { sender: { id: options.webContentsId ?? OUR_WINDOW, mainFrame }, senderFrame };
}

const isOurWindow = (id: number): boolean => id === OUR_WINDOW;

describe('checkSender', () => {
  it('accepts the main frame of our window on app://griddesk', () => {
    expect(checkSender(eventFrom('app://griddesk/index.html'), isOurWindow)).toEqual({ ok: true });
  });

  it('rejects a foreign URL', () => {
    const verdict = checkSender(eventFrom('https://evil.example/'), isOurWindow);
    expect(verdict).toEqual({ ok: false, reason: 'https://evil.example/ is not on app://griddesk' });
    expect(checkSender(eventFrom('file:///C:/index.html'), isOurWindow).ok).toBe(false);
    expect(checkSender(eventFrom('app://other/index.html'), isOurWindow).ok).toBe(false);
  });

  it('rejects a subframe, even one on our own origin', () => {
    const verdict = checkSender(eventFrom('app://griddesk/index.html', { subframe: true }), isOurWindow);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/subframe/);
  });

  it('rejects a frame that is not the main frame of its webContents even without a parent', () => {
    const event: InvokeEventLike = {
      sender: { id: OUR_WINDOW, mainFrame: frame('app://griddesk/index.html', null, 1) },
      senderFrame: frame('app://griddesk/index.html', null, 9),
    };
    expect(checkSender(event, isOurWindow).ok).toBe(false);
  });

  it('rejects an unknown window', () => {
    const verdict = checkSender(eventFrom('app://griddesk/index.html', { webContentsId: 99 }), isOurWindow);
    expect(verdict).toEqual({ ok: false, reason: 'webContents 99 is not one of our windows' });
  });

  it('rejects a sender whose frame has gone away', () => {
    const event: InvokeEventLike = {
      sender: { id: OUR_WINDOW, mainFrame: frame('app://griddesk/') },
      senderFrame: null,
    };
    expect(checkSender(event, isOurWindow).ok).toBe(false);
  });
});

describe('createIpcHandlers', () => {
  function setup(info: { platform: string } = { platform: 'linux' }) {
    const errors: string[] = [];
    let fullScreen = false;
    let locale: Locale = 'zh-CN';
    let wallWindows = 2;
    const fetched: string[] = [];
    const context: CallContext = {
      window: { isFullScreen: () => fullScreen, setFullScreen: (flag) => void (fullScreen = flag) },
    };
    const services = createServices({
      info: { version: '0.1.0', electron: '41.7.1', chrome: '146.0.0.0', ...info },
      locale: {
        get current() {
          return locale;
        },
        set: async (next) => void (locale = next),
      },
      openWall: () => wallWindows,
      positions: createPositionHost({
        start: startPositionListener,
        connectTraccar,
        deliver: () => undefined,
      }),
      fetchTile: async (url) => {
        fetched.push(url);
        return {
          kind: 'answered',
          status: 200,
          contentType: 'image/png',
          bytes: new Uint8Array([137, 80, 78, 71]),
        };
      },
      basemapFiles: { list: () => [] },
      pickBasemapFile: async () => ({ kind: 'cancelled' }),
    });
    const handlers = new Map(
      createIpcHandlers(services, {
        isOurWindow,
        contextOf: () => context,
        logError: (m) => errors.push(m),
      }).map((h) => [h.channel, h.handler]),
    );
    const call = (channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> => {
      const handler = handlers.get(channel as never);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(event, ...args);
    };
    return {
      call,
      errors,
      fetched,
      locale: () => locale,
      setWallWindows: (n: number) => void (wallWindows = n),
    };
  }
  const good = eventFrom('app://griddesk/index.html');

  it('registers one handler per contract method', () => {
    const errors: string[] = [];
    const services = createServices({
      info: { version: '1', electron: '1', chrome: '1', platform: 'linux' },
      locale: { current: 'zh-CN', set: async () => undefined },
      openWall: () => 0,
      fetchTile: async () => ({ kind: 'unreachable', reason: 'offline' }),
      positions: createPositionHost({
        start: startPositionListener,
        connectTraccar,
        deliver: () => undefined,
      }),
      basemapFiles: { list: () => [] },
      pickBasemapFile: async () => ({ kind: 'cancelled' }),
    });
    const channels = createIpcHandlers(services, {
      isOurWindow,
      contextOf: () => ({ window: { isFullScreen: () => false, setFullScreen: () => undefined } }),
      logError: (m) => errors.push(m),
    }).map((h) => h.channel);
    expect(channels).toEqual([
      'app:info',
      'app:setLocale',
      'window:toggleFullScreen',
      'window:isFullScreen',
      'window:openWall',
      'tiles:fetch',
      'positions:configure',
      'positions:status',
      'positions:traccar',
      'positions:counts',
      'positions:history',
      'basemapFiles:list',
      'basemapFiles:pick',
    ]);
  });

  it('fetches a tile only for an http(s) address', async () => {
    const { call, fetched } = setup();
    const url = 'https://t3.tianditu.gov.cn/vec_w/wmts?TILEMATRIX=3&TILEROW=1&TILECOL=6';
    expect(await call('tiles:fetch', good, url)).toMatchObject({ kind: 'answered', status: 200 });
    await expect(call('tiles:fetch', good, 'file:///etc/passwd')).rejects.toBeInstanceOf(IpcPayloadError);
    await expect(call('tiles:fetch', good, 'http://')).rejects.toBeInstanceOf(IpcPayloadError);
    expect(fetched).toEqual([url]);
  });

  it('configures the position listener only with a valid configuration', async () => {
    const { call } = setup();
    const config = { enabled: true, port: 80, reach: 'local', bindings: [] };
    await expect(call('positions:configure', good, config)).rejects.toBeInstanceOf(IpcPayloadError);
    const binding = { deviceId: '../etc', officerId: 'off-1', token: null };
    await expect(
      call('positions:configure', good, { ...config, port: 5055, bindings: [binding] }),
    ).rejects.toBeInstanceOf(IpcPayloadError);
    expect(await call('positions:configure', good, { ...config, port: 5055, enabled: false })).toEqual({
      state: 'off',
    });
    expect(await call('positions:counts', good)).toBeNull();
  });

  it('reads an officer’s Traccar history only for a period that ends after it starts, within the retention', async () => {
    const { call } = setup();
    const now = Date.now();
    const day = 86_400_000;
    for (const bad of [
      { officerId: 'off-1', from: now, to: now - 1 },
      { officerId: 'off-1', from: now - 200 * day, to: now },
      { officerId: '', from: now - day, to: now },
      { officerId: 'off-1', from: now - day, to: now, deviceId: '317401' },
      { officerId: 'off-1', from: -5, to: now },
    ]) {
      await expect(call('positions:history', good, bad), JSON.stringify(bad)).rejects.toBeInstanceOf(
        IpcPayloadError,
      );
    }
    // No Traccar server configured: nothing to ask.
    expect(await call('positions:history', good, { officerId: 'off-1', from: now - day, to: now })).toEqual({
      kind: 'off',
    });
  });

  it('serves a valid request from our window', async () => {
    const { call, locale } = setup();
    await call('app:setLocale', good, 'en');
    expect(locale()).toBe('en');
    expect(await call('app:info', good)).toMatchObject({ version: '0.1.0', locale: 'en' });
    await call('window:toggleFullScreen', good);
    expect(await call('window:isFullScreen', good)).toBe(true);
    expect(await call('window:openWall', good)).toBe(2);
  });

  it('refuses and logs a request from a foreign page before touching the service', async () => {
    const { call, errors, locale } = setup();
    await expect(call('app:setLocale', eventFrom('https://evil.example/'), 'en')).rejects.toBeInstanceOf(
      IpcSenderError,
    );
    expect(locale()).toBe('zh-CN');
    expect(errors).toEqual([
      '[ipc] app:setLocale: sender refused: https://evil.example/ is not on app://griddesk',
    ]);
  });

  it('refuses and logs arguments that do not match the schema', async () => {
    const { call, errors, locale } = setup();
    await expect(call('app:setLocale', good, 'fr')).rejects.toBeInstanceOf(IpcPayloadError);
    await expect(call('app:setLocale', good, 'en', 'extra')).rejects.toThrow(
      /app:setLocale: invalid arguments/,
    );
    expect(locale()).toBe('zh-CN');
    expect(errors).toHaveLength(2);
  });

  it('refuses a wall window count that is not a non-negative integer', async () => {
    const { call, errors, setWallWindows } = setup();
    setWallWindows(-1);
    await expect(call('window:openWall', good)).rejects.toThrow(/window:openWall: invalid result/);
    await expect(call('window:openWall', good, 'app://elsewhere/')).rejects.toThrow(
      /window:openWall: invalid arguments/,
    );
    expect(errors).toHaveLength(2);
  });

  it('refuses a result that breaks the contract instead of sending it', async () => {
    const { call, errors } = setup({ platform: '' });
    await expect(call('app:info', good)).rejects.toThrow(/app:info: invalid result: platform: /);
    expect(errors[0]).toMatch(/^\[ipc\] app:info: invalid result/);
  });
});
