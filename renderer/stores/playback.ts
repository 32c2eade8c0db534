/**
 * Track playback (轨迹回放): one officer's or a whole team's tracks over a period, read from the
 * centre's database, replayed on a clock the operator plays, pauses, drags and speeds up. The store
 * holds plain data (the tracks, the replay time); the map draws what its getters give
 * (`trackView`, `markers`), and the replay's arithmetic is shared/positions/playback.ts. The replay
 * advances on animation frames only while it plays.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { calendarZone } from '../../shared/calendar/config';
import { formatCentreTime } from '../../shared/calendar/format';
import { zoneOffsetMs } from '../../shared/calendar/zone';
import type { LonLat } from '../../shared/model/geo';
import type { TrackHistory } from '../../shared/positions/history';
import {
  advanceReplay,
  fillTrackGaps,
  firstPointAt,
  playbackPeriod,
  positionAt,
  replayStart,
  tickStepMs,
  tickTimes,
  trackGaps,
  trackSegments,
  trackTicks,
  type PlaybackPeriodChoice,
  type PlaybackPeriodIssue,
  type PlaybackSpeed,
} from '../../shared/positions/playback';
import { tracksGpx, type TrackPoint } from '../../shared/positions/tracks';
import { currentDb } from '../db/handle';
import { readTrack } from '../db/positions-repo';
import { i18n } from '../i18n';
import type { PlaybackMarker, PlaybackTrackView } from '../map/layer-module';
import { TRACK_COLOURS } from '../map/palette';
import { platform } from '../platform';
import { usePhonesStore } from './phones';
import { useSettingsStore } from './settings';
import { useTownshipStore } from './township';

/** Whose tracks are replayed. */
export type PlaybackSubject = { readonly kind: 'officer' | 'team'; readonly id: string };

/**
 * What the centre's Traccar server added to a track: asked and waiting, the points it filled the
 * local track's gaps with, or why it could not be read.
 */
export type TraccarFill =
  | { readonly kind: 'asking' }
  | { readonly kind: 'filled'; readonly points: number; readonly truncated: boolean }
  | {
      readonly kind: 'failed';
      readonly reason: Extract<TrackHistory, { kind: 'failed' }>['reason'];
      readonly detail: string;
    };

/** One officer's track as loaded for the playback. */
export interface PlaybackTrack {
  readonly officerId: string;
  readonly name: string;
  readonly colour: string;
  /** In time order. */
  readonly points: readonly TrackPoint[];
  /** How many of them this PC recorded. */
  readonly local: number;
  /**
   * The Traccar server's part, when it was asked: only for an officer bound to a device whose local
   * track has gaps in the period, while the centre's feed names a server. Null: not asked.
   */
  readonly traccar: TraccarFill | null;
}

/** Periods of a day or less label their ticks with the time alone (HH:mm), longer ones with the date. */
const DAY_MS = 86_400_000;

export const usePlaybackStore = defineStore('playback', () => {
  const open = ref(false);
  const subject = shallowRef<PlaybackSubject | null>(null);
  const choice = shallowRef<PlaybackPeriodChoice>({ kind: 'lastHour' });
  /** The period loaded, epoch ms. */
  const period = shallowRef<{ readonly from: number; readonly to: number } | null>(null);
  const periodIssue = ref<PlaybackPeriodIssue | null>(null);
  const tracks = shallowRef<readonly PlaybackTrack[]>([]);
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  /** Bumped after each load, so the map frames what was loaded. */
  const loaded = ref(0);
  /** The replay's time, epoch ms. */
  const at = ref(0);
  const playing = ref(false);
  const speed = ref<PlaybackSpeed>(10);
  const follow = ref(false);
  /** Whose marker the map follows (a team's playback: the one picked in the list). */
  const followId = ref<string | null>(null);

  /** Where the replay begins: the first point of any track in the period. */
  const start = computed(() =>
    period.value === null
      ? 0
      : firstPointAt(
          tracks.value.map((t) => t.points),
          period.value.from,
        ),
  );

  const trackView = computed<PlaybackTrackView | null>(() => {
    const p = period.value;
    if (!open.value || p === null || tracks.value.length === 0) return null;
    const zone = calendarZone(useSettingsStore().settings.calendar);
    const format = { zone, locale: i18n.global.locale.value };
    const style = p.to - p.from <= DAY_MS ? 'clock' : 'shortDateTime';
    const times = tickTimes(p.from, p.to, tickStepMs(p.to - p.from), zoneOffsetMs(zone));
    return {
      tracks: tracks.value.map((t) => ({
        officerId: t.officerId,
        colour: t.colour,
        segments: trackSegments(t.points),
      })),
      ticks: tracks.value.flatMap((t) =>
        trackTicks(t.points, times).map((tick) => ({
          officerId: t.officerId,
          colour: t.colour,
          at: tick.at,
          position: tick.position,
          label: formatCentreTime(tick.at, style, format),
        })),
      ),
    };
  });

  const markers = computed<readonly PlaybackMarker[]>(() => {
    if (trackView.value === null) return [];
    return tracks.value.flatMap((t) => {
      const replayed = positionAt(t.points, at.value);
      return replayed === null
        ? []
        : [{ officerId: t.officerId, name: t.name, colour: t.colour, ...replayed }];
    });
  });

  /** Every point loaded, for framing the map. */
  const positions = computed<readonly LonLat[]>(() =>
    tracks.value.flatMap((t) => t.points.map((p) => p.position)),
  );

  /** Where the map centres while following (null: not following, or that officer is not drawn now). */
  const followed = computed<LonLat | null>(() => {
    if (!follow.value) return null;
    const id = followId.value ?? tracks.value.find((t) => t.points.length > 0)?.officerId;
    return markers.value.find((m) => m.officerId === id)?.position ?? null;
  });

  /** The officers of the subject, in the order their colours are given. */
  function officersOf(s: PlaybackSubject): { id: string; name: string }[] {
    const township = useTownshipStore();
    if (s.kind === 'officer') {
      const o = township.officerById.get(s.id);
      return o === undefined ? [] : [{ id: o.id, name: o.name }];
    }
    return township.officers.filter((o) => o.teamId === s.id).map((o) => ({ id: o.id, name: o.name }));
  }

  let serial = 0;

  /** Reads the subject's tracks over the chosen period (at `now`), and stands the replay at their start. */
  async function load(now: number = Date.now()): Promise<void> {
    pause();
    const s = subject.value;
    const zone = calendarZone(useSettingsStore().settings.calendar);
    const range = playbackPeriod(choice.value, now, zone);
    periodIssue.value = range.ok ? null : range.issue;
    if (s === null || !range.ok) {
      tracks.value = [];
      period.value = null;
      return;
    }
    const mine = (serial += 1);
    loading.value = true;
    loadError.value = null;
    try {
      const db = currentDb();
      const officers = officersOf(s);
      const read = await Promise.all(
        officers.map(async (o, i) => {
          const points = await readTrack(db, o.id, range.from, range.to);
          return {
            officerId: o.id,
            name: o.name,
            colour: TRACK_COLOURS[i % TRACK_COLOURS.length] ?? TRACK_COLOURS[0],
            points,
            local: points.length,
            traccar: null,
          };
        }),
      );
      if (mine !== serial) return;
      tracks.value = read;
      period.value = { from: range.from, to: range.to };
      at.value = start.value;
      if (followId.value !== null && !officers.some((o) => o.id === followId.value)) followId.value = null;
      loaded.value += 1;
      loading.value = false;
      await fillFromTraccar(mine, range.from, range.to);
    } catch (error) {
      if (mine !== serial) return;
      loadError.value = error instanceof Error ? error.message : String(error);
    } finally {
      if (mine === serial) loading.value = false;
    }
  }

  /**
   * Asks the centre's Traccar server (through the host: positions.history) for the officers bound to a
   * device whose local track has gaps over [from, to], and lays its points into those gaps
   * (playback.ts fillTrackGaps). The local tracks show meanwhile; a replay standing at the start moves
   * to the new start.
   */
  async function fillFromTraccar(mine: number, from: number, to: number): Promise<void> {
    const config = usePhonesStore().config;
    if (config.traccar === null) return;
    const bound = new Set(config.bindings.map((b) => b.officerId));
    const asked = tracks.value.filter(
      (t) => bound.has(t.officerId) && trackGaps(t.points, from, to).length > 0,
    );
    if (asked.length === 0) return;
    const askedIds = new Set(asked.map((t) => t.officerId));
    tracks.value = tracks.value.map((t) =>
      askedIds.has(t.officerId) ? { ...t, traccar: { kind: 'asking' } } : t,
    );
    const answers = await Promise.all(
      asked.map(async (t): Promise<[string, TrackHistory]> => {
        try {
          return [t.officerId, await platform().positions.history({ officerId: t.officerId, from, to })];
        } catch (error) {
          const detail = (error instanceof Error ? error.message : String(error)).slice(0, 500);
          return [t.officerId, { kind: 'failed', reason: 'unreachable', detail }];
        }
      }),
    );
    if (mine !== serial) return;
    const byOfficer = new Map(answers);
    const wasAtStart = !playing.value && at.value === start.value;
    tracks.value = tracks.value.map((t) => {
      const answer = byOfficer.get(t.officerId);
      if (answer === undefined) return t;
      if (answer.kind === 'off') return { ...t, traccar: null };
      if (answer.kind === 'failed')
        return { ...t, traccar: { kind: 'failed', reason: answer.reason, detail: answer.detail } };
      const merged = fillTrackGaps(t.points, answer.points, from, to);
      return {
        ...t,
        points: merged.points,
        traccar: { kind: 'filled', points: merged.filled, truncated: answer.truncated },
      };
    });
    if (wasAtStart) at.value = start.value;
    loaded.value += 1;
  }

  /** Opens the panel, on `next` when given (an officer's detail, the status board), and loads it. */
  async function openFor(next: PlaybackSubject | null = null): Promise<void> {
    open.value = true;
    if (next !== null) subject.value = next;
    await load();
  }

  function close(): void {
    pause();
    serial += 1;
    open.value = false;
    tracks.value = [];
    period.value = null;
    loading.value = false;
  }

  async function choose(next: PlaybackSubject | null): Promise<void> {
    subject.value = next;
    followId.value = null;
    await load();
  }

  async function choosePeriod(next: PlaybackPeriodChoice): Promise<void> {
    choice.value = next;
    await load();
  }

  let frame: number | null = null;
  let lastFrame = 0;

  function step(now: number): void {
    const p = period.value;
    if (!playing.value || p === null) return;
    const next = advanceReplay(at.value, now - lastFrame, speed.value, p.to);
    lastFrame = now;
    at.value = next.at;
    if (next.ended) pause();
    else frame = requestAnimationFrame(step);
  }

  function play(): void {
    const p = period.value;
    if (p === null || playing.value) return;
    at.value = replayStart(at.value, start.value, p.to);
    playing.value = true;
    lastFrame = performance.now();
    frame = requestAnimationFrame(step);
  }

  function pause(): void {
    playing.value = false;
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
  }

  /** Moves the replay to `t` (the slider), inside the period. */
  function seek(t: number): void {
    const p = period.value;
    if (p === null) return;
    at.value = Math.min(Math.max(t, p.from), p.to);
  }

  function setSpeed(next: PlaybackSpeed): void {
    speed.value = next;
  }

  function setFollow(on: boolean, officerId: string | null = followId.value): void {
    follow.value = on;
    followId.value = officerId;
  }

  /** The tracks shown as one GPX 1.1 document, a track per officer with points. */
  function gpx(): string {
    return tracksGpx(
      tracks.value.filter((t) => t.points.length > 0).map((t) => ({ name: t.name, points: t.points })),
    );
  }

  return {
    open,
    subject,
    choice,
    period,
    periodIssue,
    tracks,
    loading,
    loadError,
    loaded,
    at,
    playing,
    speed,
    follow,
    followId,
    start,
    trackView,
    markers,
    positions,
    followed,
    load,
    openFor,
    close,
    choose,
    choosePeriod,
    play,
    pause,
    seek,
    setSpeed,
    setFollow,
    gpx,
  };
});
