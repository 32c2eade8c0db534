/**
 * Builds the `window.griddesk` object from the contract table: every service method becomes a function that
 * checks its arguments against the contract and invokes the channel `service:method`; `onMenuCommand` listens
 * to `menu:command` and passes on only ids the contract knows. Plain logic over a small transport interface,
 * so tests run it without Electron; preload.ts supplies ipcRenderer as the transport.
 */
import {
  MENU_COMMAND_CHANNEL,
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
  return {
    app: typed.app,
    window: typed.window,
    tiles: typed.tiles,
    basemapFiles: typed.basemapFiles,
    onMenuCommand(listener: (id: MenuCommandId) => void): () => void {
      return transport.on(MENU_COMMAND_CHANNEL, (payload) => {
        let id: MenuCommandId;
        try {
          id = parseIpcEvent(MENU_COMMAND_CHANNEL, payload);
        } catch (error) {
          logError(`[preload] ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        listener(id);
      });
    },
  };
}
