/**
 * The position feed between the host (Electron's main process, the web server, later the centre server)
 * and the page: how the page configures the host's listener (electron/position-listener.ts), what the
 * host says of it, and the fixes it hands over. The schemas are the IPC contract's and the web
 * server's WebSocket messages' alike, so both hosts check the same shapes.
 */
import { z } from 'zod';
import { DECLINE_REASONS } from './admit';
import { DEFAULT_GEOFENCE_MINUTES, GEOFENCE_MINUTES_MAX, GEOFENCE_MINUTES_MIN } from './geofence';
import { DEFAULT_OFFLINE_AFTER_MS, MAX_OFFLINE_AFTER_MS, MIN_OFFLINE_AFTER_MS } from './unit-status';

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

/** How long without a fix makes an on-duty officer 离线 (unit-status.ts), ms: whole minutes, 1 min–4 h. */
const offlineAfterSchema = z
  .number()
  .int()
  .min(MIN_OFFLINE_AFTER_MS)
  .max(MAX_OFFLINE_AFTER_MS)
  .refine((ms) => ms % 60_000 === 0);

/** A Traccar server's address: http or https. */
const traccarUrlSchema = z.url({ protocol: /^https?$/ }).max(500);

export const positionFeedConfigSchema = z.strictObject({
  enabled: z.boolean(),
  port: z.number().int().min(1024).max(65_535),
  /** 'network': phones on the centre's network reach it (0.0.0.0); 'local': this PC only. */
  reach: z.enum(['network', 'local']),
  bindings: z.array(deviceBindingSchema).max(10_000),
  /** A Traccar server the centre already runs, whose devices' positions are taken too; null: none. */
  traccar: z
    .strictObject({
      url: traccarUrlSchema,
      email: z.string().min(1).max(200),
      password: z.string().max(200),
    })
    .nullable()
    .default(null),
  /**
   * 越界告警: minutes an on-duty officer may be outside their team's patrol areas before an alert
   * (shared/positions/geofence.ts). Configurations stored before it existed read as the default.
   */
  geofenceMinutes: z
    .number()
    .int()
    .min(GEOFENCE_MINUTES_MIN)
    .max(GEOFENCE_MINUTES_MAX)
    .default(DEFAULT_GEOFENCE_MINUTES),
  /** 离线 after this long without a fix, ms; absent in configurations stored before it (then 5 min). */
  offlineAfterMs: offlineAfterSchema.default(DEFAULT_OFFLINE_AFTER_MS),
});
export type PositionFeedConfig = z.output<typeof positionFeedConfigSchema>;
/**
 * A configuration as sent or stored before the Traccar connector, the geofence threshold and the
 * offline timeout existed (`traccar`, `geofenceMinutes` and `offlineAfterMs` may be absent).
 */
export type PositionFeedConfigInput = z.input<typeof positionFeedConfigSchema>;

/** What the host says of its connection to a Traccar server (electron/traccar-connector.ts). */
export const traccarStateSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('off') }),
  z.strictObject({ state: z.literal('connecting') }),
  z.strictObject({ state: z.literal('connected'), devices: z.number().int().nonnegative() }),
  z.strictObject({
    state: z.literal('failed'),
    reason: z.enum(['auth', 'unreachable', 'protocol']),
    detail: z.string().max(500),
  }),
]);
export type TraccarStatus = z.infer<typeof traccarStateSchema>;

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

/** A centre's feed as it starts: off, on Traccar's port, for phones on the centre's network. */
export const DEFAULT_FEED_CONFIG: PositionFeedConfig = {
  enabled: false,
  port: DEFAULT_FEED_PORT,
  reach: 'network',
  bindings: [],
  traccar: null,
  geofenceMinutes: DEFAULT_GEOFENCE_MINUTES,
  offlineAfterMs: DEFAULT_OFFLINE_AFTER_MS,
};

/** One problem of a feed configuration as entered, naming the binding's row (from 1) and field. */
export interface FeedConfigIssue {
  readonly row: number | null;
  readonly field:
    | 'port'
    | 'offlineAfterMs'
    | 'deviceId'
    | 'officerId'
    | 'token'
    | 'traccar.url'
    | 'traccar.email'
    | 'geofenceMinutes';
  readonly key:
    | 'phones.issue.offlineAfter'
    | 'phones.issue.traccarUrl'
    | 'phones.issue.traccarEmail'
    | 'phones.issue.port'
    | 'phones.issue.geofenceMinutes'
    | 'phones.issue.deviceId'
    | 'phones.issue.duplicateDevice'
    | 'phones.issue.unknownOfficer'
    | 'phones.issue.token';
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * A configuration as typed in the dialog, checked against the centre's officers: a port of 1024 or
 * above, each device id well formed and bound once, each to an officer of the centre, tokens of 1–128
 * characters; a Traccar server by its http(s) address and an account; a geofence threshold of whole
 * minutes within {@link GEOFENCE_MINUTES_MIN}–{@link GEOFENCE_MINUTES_MAX}; 离线 after whole minutes
 * from 1 to 240. Device ids, tokens and the
 * server's address are trimmed; an empty token is none.
 */
export function checkFeedConfig(
  input: PositionFeedConfig,
  officerIds: ReadonlySet<string>,
): { ok: true; config: PositionFeedConfig } | { ok: false; issues: FeedConfigIssue[] } {
  const issues: FeedConfigIssue[] = [];
  if (!Number.isInteger(input.port) || input.port < 1024 || input.port > 65_535)
    issues.push({ row: null, field: 'port', key: 'phones.issue.port', params: { port: input.port } });
  const minutes = input.geofenceMinutes;
  if (!Number.isInteger(minutes) || minutes < GEOFENCE_MINUTES_MIN || minutes > GEOFENCE_MINUTES_MAX)
    issues.push({
      row: null,
      field: 'geofenceMinutes',
      key: 'phones.issue.geofenceMinutes',
      params: { minutes, min: GEOFENCE_MINUTES_MIN, max: GEOFENCE_MINUTES_MAX },
    });
  if (!offlineAfterSchema.safeParse(input.offlineAfterMs).success)
    issues.push({
      row: null,
      field: 'offlineAfterMs',
      key: 'phones.issue.offlineAfter',
      params: {
        minutes: input.offlineAfterMs / 60_000,
        min: MIN_OFFLINE_AFTER_MS / 60_000,
        max: MAX_OFFLINE_AFTER_MS / 60_000,
      },
    });
  const seen = new Map<string, number>();
  const bindings = input.bindings.map((b, i) => {
    const row = i + 1;
    const deviceId = b.deviceId.trim();
    const token = b.token === null || b.token.trim() === '' ? null : b.token.trim();
    if (!deviceBindingSchema.shape.deviceId.safeParse(deviceId).success)
      issues.push({ row, field: 'deviceId', key: 'phones.issue.deviceId', params: { row, deviceId } });
    const first = seen.get(deviceId);
    if (first !== undefined)
      issues.push({
        row,
        field: 'deviceId',
        key: 'phones.issue.duplicateDevice',
        params: { row, first, deviceId },
      });
    else seen.set(deviceId, row);
    if (!officerIds.has(b.officerId))
      issues.push({ row, field: 'officerId', key: 'phones.issue.unknownOfficer', params: { row } });
    if (token !== null && token.length > 128)
      issues.push({ row, field: 'token', key: 'phones.issue.token', params: { row } });
    return { deviceId, officerId: b.officerId, token };
  });
  let traccar = input.traccar;
  if (traccar !== null) {
    traccar = { ...traccar, url: traccar.url.trim().replace(/\/+$/, ''), email: traccar.email.trim() };
    if (!traccarUrlSchema.safeParse(traccar.url).success)
      issues.push({
        row: null,
        field: 'traccar.url',
        key: 'phones.issue.traccarUrl',
        params: { url: traccar.url },
      });
    if (traccar.email === '')
      issues.push({ row: null, field: 'traccar.email', key: 'phones.issue.traccarEmail', params: {} });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, config: positionFeedConfigSchema.parse({ ...input, bindings, traccar }) };
}
