/**
 * The checks every IPC request passes, in plain Node so tests run them without Electron: the sender must be the
 * main frame of one of our windows showing app://griddesk; the arguments and the result must match the
 * contract's schemas. ipc.ts registers the handlers this module builds with `ipcMain.handle`.
 */
import { listIpcMethods, type GridDeskServices, type IpcChannel } from '../shared/ipc/contract';
import { parseIpcArgs, parseIpcResult } from '../shared/ipc/validate';
import { APP_ORIGIN, isAppUrl } from './app-origin';

/** The part of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The part of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
}

export type SenderVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A request refused because of who sent it. */
export class IpcSenderError extends Error {
  override readonly name = 'IpcSenderError';
  constructor(
    readonly channel: string,
    readonly reason: string,
  ) {
    super(`${channel}: sender refused: ${reason}`);
  }
}

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  // Electron may hand out distinct wrapper objects for one frame; process and routing ids identify it.
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}

/**
 * Whether a request may be served. `isOurWindow` tells whether a webContents id belongs to a window this app
 * created. Refused: unknown webContents, a frame that is gone, a subframe (an iframe, even of our own origin),
 * and any page not on app://griddesk.
 */
export function checkSender(
  event: InvokeEventLike,
  isOurWindow: (webContentsId: number) => boolean,
): SenderVerdict {
  if (!isOurWindow(event.sender.id)) {
    return { ok: false, reason: `webContents ${event.sender.id} is not one of our windows` };
  }
  const frame = event.senderFrame;
  if (!frame) return { ok: false, reason: 'the sender frame has gone away' };
  if (frame.parent !== null || !sameFrame(frame, event.sender.mainFrame)) {
    return { ok: false, reason: `a subframe (${frame.url}) may not call the main process` };
  }
  if (!isAppUrl(frame.url)) return { ok: false, reason: `${frame.url} is not on ${APP_ORIGIN}` };
  return { ok: true };
}

/**
 * What main implements: every method of every service, receiving first a per-call context (for instance the
 * window that sent the request), then the arguments already parsed by the contract's schema.
 */
export type ServiceImplementation<Context> = {
  readonly [S in keyof GridDeskServices]: {
    readonly [M in keyof GridDeskServices[S]]: GridDeskServices[S][M] extends (
      ...args: infer A
    ) => Promise<infer R>
      ? (context: Context, ...args: A) => R | Promise<R>
      : never;
  };
};

type UntypedMethod<Context> = (context: Context, ...args: unknown[]) => unknown;

export interface IpcHandlerOptions<Event extends InvokeEventLike, Context> {
  readonly isOurWindow: (webContentsId: number) => boolean;
  /** The per-call context, from a sender that passed the check. */
  readonly contextOf: (event: Event) => Context;
  /** Where refusals and contract violations are reported (main's log). */
  readonly logError: (message: string) => void;
}

export interface IpcHandlerEntry<Event> {
  readonly channel: IpcChannel;
  readonly handler: (event: Event, ...args: unknown[]) => Promise<unknown>;
}

/**
 * One `ipcMain.handle` handler per contract method. Each checks the sender, parses the arguments, calls the
 * implementation and parses its result; every refusal is logged and rethrown, so the renderer's Promise
 * rejects with a message naming the channel.
 */
export function createIpcHandlers<Event extends InvokeEventLike, Context>(
  implementation: ServiceImplementation<Context>,
  options: IpcHandlerOptions<Event, Context>,
): IpcHandlerEntry<Event>[] {
  // The mapped type above guarantees each method's shape; looked up by name, they are called untyped.
  const table = implementation as unknown as Readonly<
    Record<string, Readonly<Record<string, UntypedMethod<Context>>>>
  >;
  return listIpcMethods().map(({ service, method, channel }) => {
    const target = table[service]?.[method];
    if (typeof target !== 'function') throw new Error(`${channel}: no implementation`);
    const handler = async (event: Event, ...args: unknown[]): Promise<unknown> => {
      try {
        const verdict = checkSender(event, options.isOurWindow);
        if (!verdict.ok) throw new IpcSenderError(channel, verdict.reason);
        const parsed = parseIpcArgs(channel, args);
        const result = await target(options.contextOf(event), ...parsed);
        return parseIpcResult(channel, result);
      } catch (error) {
        options.logError(`[ipc] ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    };
    return { channel, handler };
  });
}
