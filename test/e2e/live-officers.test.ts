/**
 * Officers moving live on the map (renderer/map/live-source.ts): a phone (fetch over loopback, as
 * Traccar Client posts) reports its officer 40 m on while the map looks at a street; the badge glides
 * there through the places between, frame by frame, rather than jumping; a move with neither end in
 * view jumps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Officer } from '../../shared/model/organisation';
import { mapIdle, openApp, renderedOfficers, screenshot, storedOfficers, type Session } from './driver';
import { freePort } from '../free-port';
import { phoneReport, setUpPhones } from './phones';

interface LiveWindow {
  __griddeskMap: {
    jumpTo(lonLat: readonly [number, number], zoom: number): void;
    officers(): { id: string; lonLat: [number, number] }[];
    onRender(listener: () => void): () => void;
    gliding(): number;
    onLiveUpdate(listener: (update: { ids: readonly (string | number)[] }) => void): () => void;
  };
  /** Where the officer's badge was drawn, frame by frame, while the test records. */
  __drawn?: [number, number][];
  /** How many badges glided when the map first showed the officer's new fix. */
  __glidingWhenShown?: number;
  __stopRecording?: () => void;
}

let s: Session;
let port: number;
let officer: Officer;
const DEVICE = '317402';

const report = (lonLat: readonly [number, number], seconds: number) =>
  phoneReport(port, `id=${DEVICE}&timestamp=${seconds}&lat=${lonLat[1]}&lon=${lonLat[0]}&speed=2.7`);

/**
 * Records, until stopped, where the map draws the officer's badge each frame, and how many badges
 * glide when the officers' live source first shows a change of theirs.
 */
const record = (id: string): Promise<void> =>
  s.page.evaluate((officerId) => {
    const w = globalThis as unknown as LiveWindow;
    w.__drawn = [];
    delete w.__glidingWhenShown;
    const stopFrames = w.__griddeskMap.onRender(() => {
      const badge = w.__griddeskMap.officers().find((o) => o.id === officerId);
      if (badge !== undefined) w.__drawn?.push(badge.lonLat);
    });
    const stopUpdates = w.__griddeskMap.onLiveUpdate((update) => {
      if (update.ids.includes(officerId)) w.__glidingWhenShown ??= w.__griddeskMap.gliding();
    });
    w.__stopRecording = () => {
      stopFrames();
      stopUpdates();
    };
  }, id);

/** Stops recording: the frames' positions, and the glides when the change was shown. */
const recorded = (): Promise<{ drawn: [number, number][]; gliding: number | undefined }> =>
  s.page.evaluate(() => {
    const w = globalThis as unknown as LiveWindow;
    w.__stopRecording?.();
    return { drawn: w.__drawn ?? [], gliding: w.__glidingWhenShown };
  });

/** Whether two lon/lat are the same point as the map draws it (tile coordinates are quantised). */
const near = (a: readonly [number, number] | undefined, b: readonly [number, number]): boolean =>
  a !== undefined && Math.hypot(a[0] - b[0], a[1] - b[1]) < 1e-6;

/** The officer's badge as drawn now, once the map is idle. */
const drawnAt = async (): Promise<[number, number] | undefined> =>
  (await renderedOfficers(s.page)).find((o) => o.id === officer.id)?.lonLat;

beforeAll(async () => {
  s = await openApp({ signIn: 'leader' });
  port = await freePort();
  const found = (await storedOfficers(s.page)).find(
    (o) => o.position !== undefined && o.status !== 'off-duty',
  );
  if (found === undefined) throw new Error('the sample has no officer on duty with a position');
  officer = found;
  // 终端定位: the listener on for this PC, the phone bound to the officer.
  await setUpPhones(s.page, { port, bindings: [{ deviceId: DEVICE, officerName: officer.name }] });
}, 180_000);
afterAll(async () => {
  await s?.close();
});

describe('officers moving live on the map', () => {
  it('glides a badge in view to its new fix through the places between', async () => {
    const { page } = s;
    const start: [number, number] = [...(officer.position ?? [0, 0])];
    // A minute ahead of the clock (within the five allowed): the sample's simulated walk, reporting
    // "now" every 15 s, does not overtake it while the test looks.
    let seconds = Math.floor(Date.now() / 1000) + 60;
    expect((await report(start, seconds)).status).toBe(200);
    await page.evaluate((at) => (globalThis as unknown as LiveWindow).__griddeskMap.jumpTo(at, 17.5), start);
    await expect.poll(async () => near(await drawnAt(), start)).toBe(true);

    // Every frame the map draws from now on, where it drew the badge.
    await record(officer.id);
    // About 40 m north-east: dozens of pixels at this zoom.
    const to: [number, number] = [
      Number((start[0] + 0.0003).toFixed(6)),
      Number((start[1] + 0.0002).toFixed(6)),
    ];
    seconds += 5;
    expect((await report(to, seconds)).status).toBe(200);
    await expect.poll(async () => near(await drawnAt(), to)).toBe(true);
    const { drawn, gliding } = await recorded();
    expect(gliding).toBe(1);
    // Progress along the move, 0 at the start and 1 at the fix, for every frame drawn.
    const progress = drawn.map(
      ([lon, lat]) =>
        ((lon - start[0]) * (to[0] - start[0]) + (lat - start[1]) * (to[1] - start[1])) /
        ((to[0] - start[0]) ** 2 + (to[1] - start[1]) ** 2),
    );
    const between = progress.filter((p) => p > 0.02 && p < 0.98);
    expect(between.length, `frames drawn: ${progress.map((p) => p.toFixed(2)).join(' ')}`).toBeGreaterThan(0);
    // On the straight line, never turning back.
    for (const [lon, lat] of drawn) {
      const cross = (lon - start[0]) * (to[1] - start[1]) - (lat - start[1]) * (to[0] - start[0]);
      expect(Math.abs(cross)).toBeLessThan(1e-10);
    }
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    await mapIdle(page);
    await screenshot(page, 'live-officer-street');
  });

  it('moves a badge at once when neither where it was nor where it goes is in view', async () => {
    const { page } = s;
    const here = (await drawnAt()) ?? [0, 0];
    const far: [number, number] = [Number((here[0] + 0.03).toFixed(6)), here[1]];
    // The view 3 km the other way: both ends of the move are off screen.
    await page.evaluate((at) => (globalThis as unknown as LiveWindow).__griddeskMap.jumpTo(at, 17.5), [
      here[0] - 0.03,
      here[1],
    ] as [number, number]);
    await mapIdle(page);
    await record(officer.id);
    expect((await report(far, Math.floor(Date.now() / 1000) + 90)).status).toBe(200);
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as LiveWindow).__glidingWhenShown !== undefined))
      .toBe(true);
    const { gliding } = await recorded();
    expect(gliding).toBe(0);
    await page.evaluate((at) => (globalThis as unknown as LiveWindow).__griddeskMap.jumpTo(at, 17.5), far);
    await expect.poll(async () => near(await drawnAt(), far)).toBe(true);
  });
});
