/**
 * Builds the `window.griddesk` object from the contract table: every service method becomes a function that
 * checks its arguments against the contract and invokes the channel `service:method`; `onMenuCommand` listens
 * to `menu:command` and passes on only ids the contract knows. Plain logic over a small transport interface,
 * so tests run it without Electron; preload.ts supplies ipcRenderer as the transport.
 */
import {
  MENU_COMMAND_CHANNEL,
  POSITION_FIXES_CHANNEL,
  type IpcEventChannel,
  type IpcEventPayload,
  listIpcMethods,
  type GridDeskApi,
  type GridDeskServices,
  type MenuCommandId,
} from '../shared/ipc/contract';
import { parseIpcArgs, parseIpcEvent } from '../shared/ipc/validate';

/** What the preload needs of ipcRenderer. */
export interface IpcTransport {
  invoke(channel: string, args: readonly unknown[]): Promise<unknown>;
  /** Subscribes to a main → renderer channel; returns the unsubscribe function. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

export function createGridDeskApi(
  transport: IpcTransport,
  logError: (message: string) => void = (message) => console.error(message),
): GridDeskApi {
  const services: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const { service, method, channel } of listIpcMethods()) {
    const methods = (services[service] ??= {});
    methods[method] = async (...args) => transport.invoke(channel, parseIpcArgs(channel, args));
  }
  // Built from the same table the type is derived from (contract.test.ts checks the two agree).
  const typed = services as unknown as GridDeskServices;
  /** Passes on a main → renderer event only when its payload is what the contract says. */
  const listen = <E extends IpcEventChannel>(
    channel: E,
    listener: (payload: IpcEventPayload<E>) => void,
  ): (() => void) =>
    transport.on(channel, (payload) => {
      let parsed: IpcEventPayload<E>;
      try {
        parsed = parseIpcEvent(channel, payload);
      } catch (error) {
        logError(`[preload] ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      listener(parsed);
    });
  return {
    app: typed.app,
    window: typed.window,
    tiles: typed.tiles,
    positions: typed.positions,
    onMenuCommand: (listener: (id: MenuCommandId) => void) => listen(MENU_COMMAND_CHANNEL, listener),
    onPositionFixes: (listener) => listen(POSITION_FIXES_CHANNEL, listener),
    basemapFiles: typed.basemapFiles,
  };
}
