import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordPositionReports } from '../db/positions-repo';
import { TRACK_COLOURS } from '../map/palette';
import { usePlaybackStore } from './playback';
import { startTestWorkstation, type TestWorkstation } from './test-workstation';

let ws: TestWorkstation;
beforeEach(async () => {
  ws = await startTestWorkstation('operator');
});
afterEach(async () => {
  usePlaybackStore().close();
  await ws.close();
});

const MIN = 60_000;
/** A round minute 40 minutes ago, so the last hour holds every point. */
const T = Math.floor((Date.now() - 40 * MIN) / MIN) * MIN;
const SHANGHAI = 8 * 3_600_000;
const hhmm = (t: number): string => new Date(t + SHANGHAI).toISOString().slice(11, 16);

/** The fixture's team: 张队长 (off-1) walks east from T for 10 minutes; 李协管 (off-2) starts 5 minutes later. */
async function recordWalks(): Promise<void> {
  const reports = [
    ...Array.from({ length: 11 }, (_, i) => ({
      officerId: 'off-1',
      at: T + i * MIN,
      position: [118.4 + i * 0.001, 34.3] as const,
    })),
    { officerId: 'off-2', at: T + 5 * MIN, position: [118.5, 34.31] as const },
    { officerId: 'off-2', at: T + 7 * MIN, position: [118.5, 34.32] as const },
  ];
  await recordPositionReports(ws.db, reports, Date.now());
}

describe('the playback store', () => {
  it('reads a team’s tracks over the last hour, each officer in their own colour', async () => {
    await recordWalks();
    const playback = usePlaybackStore();
    await playback.openFor({ kind: 'team', id: 'team-1' });
    expect(playback.tracks.map((t) => [t.name, t.points.length, t.colour])).toEqual([
      ['张队长', 11, TRACK_COLOURS[0]],
      ['李协管', 2, TRACK_COLOURS[1]],
    ]);
    // The replay stands at the first point either has; 李协管 has not reported yet.
    expect(playback.at).toBe(T);
    expect(playback.markers.map((m) => [m.name, m.position])).toEqual([['张队长', [118.4, 34.3]]]);
  });

  it('moves each officer along their track as the replay time moves', async () => {
    await recordWalks();
    const playback = usePlaybackStore();
    await playback.openFor({ kind: 'team', id: 'team-1' });
    playback.seek(T + 6 * MIN + 30_000);
    const [chief, aide] = playback.markers;
    expect(chief?.position[0]).toBeCloseTo(118.4065, 9);
    // Three quarters of the way from its 5th-minute point to its 7th-minute one.
    expect(aide?.position[1]).toBeCloseTo(34.3175, 9);
    expect(aide?.stale).toBe(false);
    // A seek past the period stops at its end.
    playback.seek(Date.now() + 3_600_000);
    expect(playback.at).toBe(playback.period?.to);
  });

  it('draws time ticks every 5 minutes of the centre’s clock along each track', async () => {
    await recordWalks();
    const playback = usePlaybackStore();
    await playback.openFor({ kind: 'team', id: 'team-1' });
    const ticks = playback.trackView?.ticks ?? [];
    const expected = (from: number, to: number): number[] => {
      const times = [];
      for (let t = Math.ceil(from / (5 * MIN)) * 5 * MIN; t <= to; t += 5 * MIN) times.push(t);
      return times;
    };
    expect(ticks.filter((k) => k.officerId === 'off-1').map((k) => [k.at, k.label])).toEqual(
      expected(T, T + 10 * MIN).map((t) => [t, hhmm(t)]),
    );
    expect(ticks.filter((k) => k.officerId === 'off-2').map((k) => k.at)).toEqual(
      expected(T + 5 * MIN, T + 7 * MIN),
    );
  });

  it('exports the tracks shown as one GPX, a track per officer', async () => {
    await recordWalks();
    const playback = usePlaybackStore();
    await playback.openFor({ kind: 'team', id: 'team-1' });
    const gpx = playback.gpx();
    expect([...gpx.matchAll(/<name>([^<]+)<\/name>/g)].map((m) => m[1])).toEqual(['张队长', '李协管']);
    expect([...gpx.matchAll(/<trkpt /g)]).toHaveLength(13);
  });

  it('refuses a custom period older than the tracks are kept, and shows nothing', async () => {
    await recordWalks();
    const playback = usePlaybackStore();
    await playback.openFor({ kind: 'officer', id: 'off-1' });
    const day = 86_400_000;
    await playback.choosePeriod({ kind: 'custom', from: Date.now() - 100 * day, to: Date.now() - 99 * day });
    expect(playback.periodIssue).toBe('playback.period.tooOld');
    expect(playback.tracks).toEqual([]);
    expect(playback.trackView).toBeNull();
  });
});
