import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  MENU_COMMAND_IDS,
  channelOf,
  ipcContract,
  listIpcMethods,
  type GridDeskServices,
  type IpcContract,
  type ServicesOf,
} from './contract';
import {
  IpcPayloadError,
  UnknownIpcChannelError,
  parseIpcArgs,
  parseIpcEvent,
  parseIpcResult,
} from './validate';

describe('the IPC contract', () => {
  it('describes exactly the service interfaces the renderer sees', () => {
    expectTypeOf<ServicesOf<IpcContract>>().toEqualTypeOf<GridDeskServices>();
  });

  it('names every channel service:method', () => {
    expect(listIpcMethods().map((m) => m.channel)).toEqual([
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
    expect(channelOf('window', 'isFullScreen')).toBe('window:isFullScreen');
  });

  it('gives every method a schema for its arguments and for its result', () => {
    for (const service of Object.values(ipcContract)) {
      for (const method of Object.values(service)) {
        expect(method.args.def.type).toBe('tuple');
        expect(method.result).toBeDefined();
      }
    }
  });
});

describe('argument validation', () => {
  it('accepts a supported locale', () => {
    expect(parseIpcArgs('app:setLocale', ['en'])).toEqual(['en']);
    expect(parseIpcArgs('app:setLocale', ['zh-CN'])).toEqual(['zh-CN']);
  });

  it('rejects an unsupported locale, naming the channel and the argument', () => {
    expect(() => parseIpcArgs('app:setLocale', ['fr'])).toThrow(IpcPayloadError);
    expect(() => parseIpcArgs('app:setLocale', ['fr'])).toThrow(
      /^app:setLocale: invalid arguments: argument 1: /,
    );
  });

  it('rejects a missing argument, extra arguments and a non-array payload', () => {
    expect(() => parseIpcArgs('app:setLocale', [])).toThrow(IpcPayloadError);
    expect(() => parseIpcArgs('app:info', ['surprise'])).toThrow(/app:info: invalid arguments/);
    expect(() => parseIpcArgs('window:isFullScreen', { 0: 'x' })).toThrow(IpcPayloadError);
  });

  it('accepts an empty argument list for methods without parameters', () => {
    expect(parseIpcArgs('window:toggleFullScreen', [])).toEqual([]);
    expect(parseIpcArgs('window:openWall', [])).toEqual([]);
    expect(() => parseIpcArgs('window:openWall', ['app://griddesk/'])).toThrow(
      /window:openWall: invalid arguments/,
    );
  });

  it('refuses a channel that is not in the contract', () => {
    expect(() => parseIpcArgs('fs:readFile', ['/etc/passwd'])).toThrow(UnknownIpcChannelError);
    expect(() => parseIpcArgs('app:__proto__', [])).toThrow(/unknown IPC channel "app:__proto__"/);
  });
});

describe('result validation', () => {
  const info = { version: '0.1.0', electron: '41.7.1', chrome: '146.0', platform: 'linux', locale: 'zh-CN' };

  it('accepts a complete app info', () => {
    expect(parseIpcResult('app:info', info)).toEqual(info);
  });

  it('rejects app info with a missing or extra field, naming the field', () => {
    const withoutChrome: Partial<typeof info> = { ...info };
    delete withoutChrome.chrome;
    expect(() => parseIpcResult('app:info', withoutChrome)).toThrow(/app:info: invalid result: chrome: /);
    expect(() => parseIpcResult('app:info', { ...info, secret: 'x' })).toThrow(IpcPayloadError);
  });

  it('rejects a result of the wrong type', () => {
    expect(parseIpcResult('window:isFullScreen', true)).toBe(true);
    expect(() => parseIpcResult('window:isFullScreen', 'yes')).toThrow(/window:isFullScreen: invalid result/);
    expect(parseIpcResult('window:toggleFullScreen', undefined)).toBeUndefined();
    expect(() => parseIpcResult('window:toggleFullScreen', 42)).toThrow(IpcPayloadError);
  });

  it('accepts a wall window count only as a non-negative integer', () => {
    expect(parseIpcResult('window:openWall', 0)).toBe(0);
    expect(parseIpcResult('window:openWall', 3)).toBe(3);
    for (const bad of [-1, 1.5, Number.NaN, '2', undefined]) {
      expect(() => parseIpcResult('window:openWall', bad), String(bad)).toThrow(IpcPayloadError);
    }
  });
});

describe('event validation', () => {
  it('accepts every menu command id', () => {
    for (const id of MENU_COMMAND_IDS) expect(parseIpcEvent('menu:command', id)).toBe(id);
    expect(MENU_COMMAND_IDS).toContain('view.openWall');
  });

  it('rejects an id outside the closed list', () => {
    expect(() => parseIpcEvent('menu:command', 'app.formatDisk')).toThrow(/menu:command: invalid event: /);
    expect(() => parseIpcEvent('menu:command', { id: 'app.about' })).toThrow(IpcPayloadError);
  });
});
