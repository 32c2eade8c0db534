import { describe, expect, it } from 'vitest';
import { IpcPayloadError } from '../shared/ipc/validate';
import type { MenuCommandId } from '../shared/ipc/contract';
import { createGridDeskApi, type IpcTransport } from './preload-api';

/** A transport that records invocations and lets the test emit events, as ipcRenderer would. */
function fakeTransport(reply: (channel: string, args: readonly unknown[]) => unknown = () => undefined) {
  const invoked: Array<{ channel: string; args: readonly unknown[] }> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: IpcTransport = {
    invoke: async (channel, args) => {
      invoked.push({ channel, args });
      return reply(channel, args);
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown): void =>
    listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, invoked, emit };
}

describe('the preload API', () => {
  it('exposes exactly the contract: app, window, tiles, positions and their events', () => {
    const api = createGridDeskApi(fakeTransport().transport);
    expect(Object.keys(api).sort()).toEqual([
      'app',
      'basemapFiles',
      'onMenuCommand',
      'onPositionFixes',
      'positions',
      'tiles',
      'window',
    ]);
    expect(Object.keys(api.positions)).toEqual(['configure', 'status', 'traccar', 'counts', 'history']);
    expect(Object.keys(api.tiles)).toEqual(['fetch']);
    expect(Object.keys(api.app).sort()).toEqual(['info', 'setLocale']);
    expect(Object.keys(api.window).sort()).toEqual(['isFullScreen', 'openWall', 'toggleFullScreen']);
  });

  it('invokes service:method channels with the arguments and returns the reply', async () => {
    const replies: Readonly<Record<string, unknown>> = { 'window:isFullScreen': true, 'window:openWall': 2 };
    const { transport, invoked } = fakeTransport((channel) => replies[channel]);
    const api = createGridDeskApi(transport);
    await api.app.setLocale('en');
    expect(await api.window.isFullScreen()).toBe(true);
    expect(await api.window.openWall()).toBe(2);
    expect(invoked).toEqual([
      { channel: 'app:setLocale', args: ['en'] },
      { channel: 'window:isFullScreen', args: [] },
      { channel: 'window:openWall', args: [] },
    ]);
  });

  it('rejects bad arguments before they leave the renderer', async () => {
    const { transport, invoked } = fakeTransport();
    const api = createGridDeskApi(transport);
    await expect(api.app.setLocale('fr' as never)).rejects.toBeInstanceOf(IpcPayloadError);
    expect(invoked).toEqual([]);
  });

  it('passes valid menu commands to the listener and drops invalid ones with a log line', () => {
    const { transport, emit } = fakeTransport();
    const errors: string[] = [];
    const api = createGridDeskApi(transport, (m) => errors.push(m));
    const heard: MenuCommandId[] = [];
    const stop = api.onMenuCommand((id) => heard.push(id));
    emit('menu:command', 'map.fitTownship');
    emit('menu:command', 'rm -rf');
    emit('menu:command', { id: 'app.about' });
    stop();
    emit('menu:command', 'app.about');
    expect(heard).toEqual(['map.fitTownship']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^\[preload\] menu:command: invalid event/);
  });

  it('passes on only the position fixes the contract allows', () => {
    const { transport, emit } = fakeTransport();
    const errors: string[] = [];
    const api = createGridDeskApi(transport, (m) => errors.push(m));
    const heard: unknown[] = [];
    api.onPositionFixes((fixes) => heard.push(fixes));
    const fix = {
      officerId: 'off-3',
      deviceId: '317401',
      position: [121.42, 28.65],
      at: 1_796_175_000_000,
      speed: null,
      bearing: null,
      accuracy: 5,
      battery: 87,
    };
    emit('positions:fixes', [fix]);
    emit('positions:fixes', [{ ...fix, position: [121.42, 95] }]);
    expect(heard).toEqual([[fix]]);
    expect(errors[0]).toMatch(/^\[preload\] positions:fixes: invalid event/);
  });
});
