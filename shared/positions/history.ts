/**
 * An officer's track history from the centre's Traccar server (traccar.ts, the host's connector), for a
 * playback whose local track has gaps: the page asks the host for one officer over a period, the host
 * asks Traccar's `GET /api/positions` for each device bound to that officer and answers with track
 * points. The schemas are the IPC contract's and the web server's socket's alike.
 */
import { z } from 'zod';
import type { DeviceFix } from './osmand';
import { DEFAULT_TRACK_RETENTION_DAYS, thinTrack, type TrackPoint } from './tracks';

/** The longest period asked for at once: the tracks' retention and a day, ms. */
export const MAX_HISTORY_SPAN_MS = (DEFAULT_TRACK_RETENTION_DAYS + 1) * 86_400_000;
/** At most this many points in one answer (thinned first; past it the answer says it was cut). */
export const MAX_HISTORY_POINTS = 50_000;

export const trackHistoryQuerySchema = z
  .strictObject({
    officerId: z.string().min(1).max(64),
    /** Epoch ms. */
    from: z.number().int().nonnegative(),
    to: z.number().int().nonnegative(),
  })
  .refine((q) => q.to > q.from && q.to - q.from <= MAX_HISTORY_SPAN_MS, {
    message: 'the period must end after it starts and span at most the retention window',
  });
export type TrackHistoryQuery = z.infer<typeof trackHistoryQuerySchema>;

const trackPointSchema = z.strictObject({
  officerId: z.string().min(1).max(64),
  at: z.number().int().nonnegative(),
  position: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).readonly(),
  speed: z.number().finite().nullable(),
});

/** What the host answers: no Traccar server named, its points, or why it could not be read. */
export const trackHistorySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('off') }),
  z.strictObject({
    kind: z.literal('points'),
    points: z.array(trackPointSchema).max(MAX_HISTORY_POINTS),
    /** More points than {@link MAX_HISTORY_POINTS} were left: the earliest are given. */
    truncated: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('failed'),
    /** `connecting`: the host has not (yet, or again) signed in to the server. */
    reason: z.enum(['auth', 'unreachable', 'protocol', 'connecting']),
    detail: z.string().max(500),
  }),
]);
export type TrackHistory = z.infer<typeof trackHistorySchema>;

/**
 * A Traccar server's fixes of an officer's devices as that officer's track over [from, to]: fixes
 * without a satellite lock, without a time, out of range or outside the period are left out; the rest
 * in time order, thinned as the local track is (tracks.ts), at most {@link MAX_HISTORY_POINTS}.
 */
export function historyPoints(
  officerId: string,
  fixes: readonly DeviceFix[],
  from: number,
  to: number,
): { readonly points: TrackPoint[]; readonly truncated: boolean } {
  const usable: TrackPoint[] = fixes.flatMap((f) =>
    f.valid &&
    f.at !== null &&
    f.at >= from &&
    f.at <= to &&
    Math.abs(f.lat) <= 90 &&
    Math.abs(f.lon) <= 180 &&
    !(f.lat === 0 && f.lon === 0)
      ? [{ officerId, at: f.at, position: [f.lon, f.lat] as const, speed: f.speed }]
      : [],
  );
  const thinned = thinTrack(usable, new Map());
  return {
    points: thinned.slice(0, MAX_HISTORY_POINTS),
    truncated: thinned.length > MAX_HISTORY_POINTS,
  };
}
