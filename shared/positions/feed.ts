/**
 * The position feed between the host (Electron's main process, the web server, later the centre server)
 * and the page: how the page configures the host's listener (electron/position-listener.ts), what the
 * host says of it, and the fixes it hands over. The schemas are the IPC contract's and the web
 * server's WebSocket messages' alike, so both hosts check the same shapes.
 */
import { z } from 'zod';
import { DECLINE_REASONS } from './admit';

/** Traccar's port for the OsmAnd protocol, which Traccar Client uses by default. */
export const DEFAULT_FEED_PORT = 5055;

export const deviceBindingSchema = z.strictObject({
  /** As entered in the phone app (its "device identifier"). */
  deviceId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\w.:-]+$/),
  officerId: z.string().min(1).max(64),
  /** A per-device secret the phone sends as `token`; null: none asked. */
  token: z.string().min(1).max(128).nullable(),
});

export const positionFeedConfigSchema = z.strictObject({
  enabled: z.boolean(),
  port: z.number().int().min(1024).max(65_535),
  /** 'network': phones on the centre's network reach it (0.0.0.0); 'local': this PC only. */
  reach: z.enum(['network', 'local']),
  bindings: z.array(deviceBindingSchema).max(10_000),
});
export type PositionFeedConfig = z.infer<typeof positionFeedConfigSchema>;

export const listenerStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('off') }),
  z.strictObject({
    state: z.literal('listening'),
    port: z.number().int(),
    /** The PC's addresses a phone can be pointed at (`http://address:port`). */
    addresses: z.array(z.string().max(64)).max(32),
  }),
  z.strictObject({ state: z.literal('failed'), port: z.number().int(), reason: z.string().max(500) }),
]);
export type ListenerStatus = z.infer<typeof listenerStatusSchema>;

const count = z.number().int().nonnegative();
export const listenerCountsSchema = z.strictObject({
  admitted: count,
  malformed: z.record(z.string().max(64), count),
  declined: z.strictObject(
    Object.fromEntries(DECLINE_REASONS.map((r) => [r, count])) as Record<
      (typeof DECLINE_REASONS)[number],
      typeof count
    >,
  ),
  refused: z.strictObject({ oversized: count, burst: count, method: count }),
});

const maybe = z.number().finite().nullable();
export const admittedFixSchema = z.strictObject({
  officerId: z.string().min(1).max(64),
  deviceId: z.string().min(1).max(64),
  position: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  at: z.number().int().nonnegative(),
  speed: maybe,
  bearing: maybe,
  accuracy: maybe,
  battery: maybe,
});
/** At most this many fixes in one hand-over (the host batches what arrived meanwhile). */
export const MAX_FIXES_PER_MESSAGE = 2_000;
export const fixBatchSchema = z.array(admittedFixSchema).max(MAX_FIXES_PER_MESSAGE);
