import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { createIpcHandlers, type ServiceImplementation } from './ipc-guard';
import type { CallContext } from './services';
import { isOurWebContents } from './window';

/**
 * Registers one `ipcMain.handle` per contract method. Each checks the sender (main frame of one of our
 * windows, on app://griddesk), parses arguments and result with the contract's schemas, and logs refusals.
 */
export function registerIpcHandlers(services: ServiceImplementation<CallContext>): void {
  const handlers = createIpcHandlers<IpcMainInvokeEvent, CallContext>(services, {
    isOurWindow: isOurWebContents,
    contextOf: (event) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      if (!window) throw new Error('the sender has no window');
      return { window };
    },
    logError: (message) => console.error(message),
  });
  for (const { channel, handler } of handlers) {
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, handler);
  }
}
