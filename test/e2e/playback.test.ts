/**
 * 轨迹回放 end to end: a phone bound to an officer (played by fetch over loopback, with Traccar
 * Client's request shape, to the listener the web server hosts) reports a walk stamped over the last
 * 20 minutes; the operator opens the officer's playback from the map, sees the track drawn with time
 * ticks, plays it at 60× and watches the officer move along it, and exports it as GPX. A second
 * officer's phone reports only to the centre's Traccar server (test/traccar-server.ts, Traccar's REST
 * and socket): their playback is filled from its history, and the panel says so.
 */
import { readFile } from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineString, point, pointToLineDistance } from '@turf/turf';
import type { Officer } from '../../shared/model/organisation';
import type { TrackPoint } from '../../shared/positions/tracks';
import {
  ARTIFACTS,
  choose,
  clickMapAt,
  dialogSettled,
  openApp,
  playbackMarkersNow,
  renderedOfficers,
  renderedPlayback,
  screenshot,
  storedOfficers,
  storedRecords,
  type Session,
} from './driver';
import { freePort } from '../free-port';
import { startFakeTraccar, type FakeTraccar } from '../traccar-server';
import { phoneReport, setUpPhones } from './phones';

let s: Session;
let port: number;
let officer: Officer;
/** Off duty too, in the same team; their phone reports to the Traccar server only. */
let other: Officer;
let traccar: FakeTraccar;
/** What the Traccar server holds of `other`: six fixes four minutes apart, the last ten minutes ago. */
let traccarWalk: { at: number; lonLat: [number, number] }[];
/** The walk the phone reports: ten fixes two minutes apart, the last two minutes ago, 40 m east and 15 m north each. */
let walk: { at: number; lonLat: [number, number] }[];

const MIN = 60_000;
const SHANGHAI = 8 * 3_600_000;
const metres = (a: [number, number], b: [number, number]): number =>
  pointToLineDistance(point(a), lineString([b, [b[0] + 1e-9, b[1]]]), { units: 'meters' });
/** How far a position lies from the walk's line, metres. */
const offWalk = (p: [number, number]): number =>
  pointToLineDistance(point(p), lineString(walk.map((f) => f.lonLat)), { units: 'meters' });

/** How far from the map's centre a position is drawn, pixels. */
async function pixelsFromCentre(page: Session['page'], lonLat: [number, number]): Promise<number> {
  return page.evaluate((p) => {
    interface Probe {
      project(p: readonly [number, number]): { x: number; y: number };
      canvasRect(): { width: number; height: number };
    }
    const probe = (globalThis as unknown as { __griddeskMap: Probe }).__griddeskMap;
    const at = probe.project(p);
    const rect = probe.canvasRect();
    return Math.hypot(at.x - rect.width / 2, at.y - rect.height / 2);
  }, lonLat);
}

beforeAll(async () => {
  s = await openApp({ signIn: 'leader' });
  port = await freePort();
  const officers = await storedOfficers(s.page);
  // An officer off duty: the sample's patrol simulator reports no walk for them.
  const idle = officers.filter((o) => o.status === 'off-duty' && o.position === undefined);
  const pair = idle.flatMap((a) =>
    idle.filter((b) => b.id !== a.id && b.teamId === a.teamId).map((b) => [a, b]),
  )[0];
  const start = officers.find((o) => o.position !== undefined)?.position;
  if (pair === undefined || start === undefined)
    throw new Error('the sample has no two officers off duty in a team');
  [officer, other] = pair as [Officer, Officer];
  const now = Math.floor(Date.now() / 1000) * 1000;
  const east = 40 / (111_195 * Math.cos((start[1] * Math.PI) / 180));
  const north = 15 / 111_195;
  walk = Array.from({ length: 10 }, (_, i) => ({
    at: now - 20 * MIN + i * 2 * MIN,
    lonLat: [Number((start[0] + i * east).toFixed(7)), Number((start[1] + i * north).toFixed(7))],
  }));
  traccarWalk = Array.from({ length: 6 }, (_, i) => ({
    at: now - 30 * MIN + i * 4 * MIN,
    lonLat: [Number((start[0] + i * east).toFixed(7)), Number((start[1] - 300 / 111_195).toFixed(7))],
  }));
  traccar = await startFakeTraccar(
    [{ id: 8, name: '执法记录仪 8', uniqueId: '317402' }],
    traccarWalk.map((f, i) => ({
      id: i + 1,
      deviceId: 8,
      latitude: f.lonLat[1],
      longitude: f.lonLat[0],
      fixTime: new Date(f.at).toISOString(),
      speed: 1.5,
      course: 90,
    })),
  );
}, 120_000);
afterAll(async () => {
  await s?.close();
  await traccar?.close();
});

describe('track playback', () => {
  it('keeps the walk a phone reports as the officer’s track', async () => {
    const { page } = s;
    await setUpPhones(page, {
      port,
      bindings: [
        { deviceId: '317401', officerName: officer.name },
        { deviceId: '317402', officerName: other.name },
      ],
      traccar: { url: traccar.url, devices: 1 },
    });

    for (const fix of walk) {
      const answer = await phoneReport(
        port,
        `id=317401&timestamp=${fix.at / 1000}&lat=${fix.lonLat[1]}&lon=${fix.lonLat[0]}&speed=0.7`,
      );
      expect(answer.status).toBe(200);
    }
    await expect
      .poll(async () =>
        (await storedRecords<TrackPoint>(page, 'trackPoints'))
          .filter((p) => p.officerId === officer.id)
          .map((p) => p.at),
      )
      .toEqual(walk.map((f) => f.at));
  });

  it('opens from the officer on the map and draws the last hour’s track with time ticks', async () => {
    const { page } = s;
    const last = walk[walk.length - 1]!.lonLat;
    await expect.poll(async () => (await renderedOfficers(page)).some((o) => o.id === officer.id)).toBe(true);
    const drawn = (await renderedOfficers(page)).find((o) => o.id === officer.id)!;
    expect(metres(drawn.lonLat, last)).toBeLessThan(1);
    await clickMapAt(page, drawn.lonLat);
    await expect
      .poll(() => page.getByTestId('details-title').textContent())
      .toBe(`执法人员 · ${officer.name}`);
    await page.getByTestId('detail-playback').click();
    await page.getByTestId('playback-panel').waitFor();
    await page.getByTestId('playback-period-lastHour').click();
    // The period's first 40 minutes are a gap: the Traccar server is asked, and has nothing of this phone.
    await expect
      .poll(() => page.getByTestId('playback-source').allTextContents())
      .toEqual(['本机记录 10 点，Traccar 服务器也无补充']);

    // Ticks every 5 minutes of the Shanghai clock, where the walk is: from its first fix to its last.
    const ticks = [];
    for (let t = Math.ceil(walk[0]!.at / (5 * MIN)) * 5 * MIN; t <= walk[9]!.at; t += 5 * MIN) ticks.push(t);
    const label = (t: number): string => new Date(t + SHANGHAI).toISOString().slice(11, 16);
    await expect.poll(async () => (await renderedPlayback(page)).tracks).toEqual([officer.id]);
    const playback = await renderedPlayback(page);
    expect(playback.ticks.map((k) => [k.at, k.label])).toEqual(ticks.map((t) => [t, label(t)]));
    expect(playback.labels.length).toBeGreaterThan(0);
    for (const l of playback.labels) expect(ticks.map(label)).toContain(l);
    // The replay stands at the walk's first fix, shown in the centre's clock.
    expect(playback.markers.map((m) => m.officerId)).toEqual([officer.id]);
    expect(metres(playback.markers[0]!.lonLat, walk[0]!.lonLat)).toBeLessThan(1);
    expect(await page.getByTestId('playback-time').textContent()).toBe(
      new Date(walk[0]!.at + SHANGHAI).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' '),
    );
    await page.getByTestId('details-panel').getByRole('button', { name: '关闭' }).click();
    await dialogSettled(page);
    await screenshot(page, 'playback-track');
  });

  it('plays at 60×: the officer moves along the track and the time runs on', async () => {
    const { page } = s;
    await page.getByTestId('playback-speed-60').click();
    const time0 = await page.getByTestId('playback-time').textContent();
    const at0 = (await playbackMarkersNow(page))[0]!.lonLat;
    await page.getByTestId('playback-play').click();
    await expect.poll(() => page.getByTestId('playback-play').textContent()).toBe('暂停');
    // At 60× a real second replays a minute: past the second fix (40 m on) within a few seconds.
    await expect
      .poll(async () => metres((await playbackMarkersNow(page))[0]!.lonLat, at0), { timeout: 15_000 })
      .toBeGreaterThan(45);
    const moved = (await playbackMarkersNow(page))[0]!.lonLat;
    expect(offWalk(moved)).toBeLessThan(1);
    expect(await page.getByTestId('playback-time').textContent()).not.toBe(time0);
    await screenshot(page, 'playback-playing');
    // 跟随: the map keeps the replayed officer at its centre as they walk on.
    await page.getByTestId('playback-follow').click();
    await expect
      .poll(async () => {
        const [marker] = await playbackMarkersNow(page);
        return marker === undefined ? Infinity : pixelsFromCentre(page, marker.lonLat);
      })
      .toBeLessThan(3);
    await page.getByTestId('playback-follow').click();
    await page.getByTestId('playback-play').click();
    await expect.poll(() => page.getByTestId('playback-play').textContent()).toBe('播放');
  });

  it('exports the track as a GPX file holding every point with its time', async () => {
    const { page } = s;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('playback-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^轨迹-${officer.name}-\\d{8}-\\d{4}至\\d{8}-\\d{4}\\.gpx$`),
    );
    const path = `${ARTIFACTS}playback-${download.suggestedFilename()}`;
    await download.saveAs(path);
    const gpx = new DOMParser().parseFromString(await readFile(path, 'utf8'), 'text/xml');
    expect(gpx.documentElement?.getAttribute('version')).toBe('1.1');
    const names = [...gpx.getElementsByTagName('trk')].map(
      (t) => t.getElementsByTagName('name')[0]?.textContent,
    );
    expect(names).toEqual([officer.name]);
    const points = [...gpx.getElementsByTagName('trkpt')].map((p) => ({
      at: Date.parse(p.getElementsByTagName('time')[0]?.textContent ?? ''),
      lonLat: [Number(p.getAttribute('lon')), Number(p.getAttribute('lat'))],
    }));
    expect(points).toEqual(walk);
    await expect.poll(() => page.locator('.el-message').textContent()).toContain('已导出');
  });

  it('fills the gaps of a track from the centre’s Traccar server, and says where the points came from', async () => {
    const { page } = s;
    await choose(page, page.getByTestId('playback-subject'), other.name);
    // On connecting, Traccar sent the newest fix, which the workstation kept; the rest came from its history.
    await expect
      .poll(() => page.getByTestId('playback-source').allTextContents(), { timeout: 15_000 })
      .toEqual(['本机记录 1 点，Traccar 服务器补充 5 点']);
    await expect.poll(async () => (await renderedPlayback(page)).tracks).toEqual([other.id]);
    const first = (await renderedPlayback(page)).markers[0]!;
    expect(metres(first.lonLat, traccarWalk[0]!.lonLat)).toBeLessThan(1);
    await screenshot(page, 'playback-traccar');

    // The whole team: each officer in their own colour.
    const teams = await storedRecords<{ id: string; name: string }>(page, 'teams');
    const teamName = teams.find((t) => t.id === officer.teamId)!.name;
    await page.getByTestId('playback-kind').getByText('中队').click();
    await choose(page, page.getByTestId('playback-subject'), teamName);
    await expect
      .poll(async () => (await renderedPlayback(page)).tracks)
      .toEqual(expect.arrayContaining([officer.id, other.id]));
    await screenshot(page, 'playback-team');
  });
});
