/**
 * Checking IPC payloads against the contract. Both sides use these: main for every request, result and event
 * it sends; the preload for arguments before they leave the renderer and for events it receives.
 */
import type { z } from 'zod';
import {
  ipcEvents,
  listIpcMethods,
  type IpcEventChannel,
  type IpcEventPayload,
  type IpcMethodEntry,
} from './contract';

/** Which part of a message failed its schema. */
export type IpcPayloadPart = 'arguments' | 'result' | 'event';

/** A payload that does not match the contract. The message names the channel, the part and each problem. */
export class IpcPayloadError extends Error {
  override readonly name = 'IpcPayloadError';
  constructor(
    readonly channel: string,
    readonly part: IpcPayloadPart,
    readonly problems: readonly string[],
  ) {
    super(`${channel}: invalid ${part}: ${problems.join('; ')}`);
  }
}

/** A request for a channel the contract does not know. */
export class UnknownIpcChannelError extends Error {
  override readonly name = 'UnknownIpcChannelError';
  constructor(readonly channel: string) {
    super(`unknown IPC channel "${channel}"`);
  }
}

function describeIssues(error: z.ZodError, part: IpcPayloadPart): string[] {
  return error.issues.map((issue) => {
    const [first, ...rest] = issue.path;
    // For arguments the first path element is the argument's index; people count arguments from 1.
    const head = part === 'arguments' && typeof first === 'number' ? `argument ${first + 1}` : first;
    const where = [head, ...rest].filter((p) => p !== undefined).map(String);
    return where.length > 0 ? `${where.join('.')}: ${issue.message}` : issue.message;
  });
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, channel: string, part: IpcPayloadPart): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new IpcPayloadError(channel, part, describeIssues(parsed.error, part));
  return parsed.data;
}

const METHODS: ReadonlyMap<string, IpcMethodEntry> = new Map(listIpcMethods().map((m) => [m.channel, m]));

/** The contract row of a request channel, or an {@link UnknownIpcChannelError}. */
export function methodOf(channel: string): IpcMethodEntry {
  const entry = METHODS.get(channel);
  if (!entry) throw new UnknownIpcChannelError(channel);
  return entry;
}

/** Parses a request's argument list (as received: an array) with the method's tuple schema. */
export function parseIpcArgs(channel: string, args: unknown): unknown[] {
  return parseWith(methodOf(channel).contract.args, args, channel, 'arguments');
}

/** Parses a method's result with its result schema. */
export function parseIpcResult(channel: string, result: unknown): unknown {
  return parseWith(methodOf(channel).contract.result, result, channel, 'result');
}

/** Parses a main → renderer event payload with the event's schema. */
export function parseIpcEvent<E extends IpcEventChannel>(channel: E, payload: unknown): IpcEventPayload<E> {
  return parseWith(ipcEvents[channel], payload, channel, 'event');
}
