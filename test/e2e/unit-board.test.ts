/**
 * 执法力量 end to end: a shift leader sets officers 离线 after one minute without a fix and binds a phone
 * to an officer who holds a case; a phone (fetch over loopback, Traccar Client's request shape) reports
 * to the listener the web server hosts. The unit board and the map show the officer 处置中 with the
 * phone's battery, then 离线 once the minute since the fix has passed (no new fix: the clock alone), then
 * back with a fresh fix; a click on the board's row has the map follow them until the user pans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpenStage, type Case } from '../../shared/model/case';
import type { Officer } from '../../shared/model/organisation';
import {
  choose,
  mapCentre,
  openApp,
  renderedOfficers,
  screenshot,
  storedOfficers,
  storedRecords,
  type Session,
} from './driver';
import { freePort } from '../free-port';
import { phoneReport, setUpPhones } from './phones';

let s: Session;
let port: number;
let officer: Officer;
/** The numbers of the open cases naming the officer. */
let caseNos: string[];
let teamName: string;

const DEVICE = '520001';
/** A report as Traccar Client sends one: a POST whose target carries the query. */
const report = (query: string) => phoneReport(port, query);
const row = () => s.page.getByTestId(`unit-row-${officer.id}`);
const drawnAs = async (): Promise<string | undefined> =>
  (await renderedOfficers(s.page)).find((o) => o.id === officer.id)?.display;
/** Whether the map's centre is within about 10 m of `lonLat`. */
const centredOn = async (lonLat: readonly [number, number]): Promise<boolean> => {
  const [lon, lat] = await mapCentre(s.page);
  return Math.hypot(lon - lonLat[0], lat - lonLat[1]) < 1e-4;
};
const near = (lonLat: readonly [number, number], dLon: number, dLat: number): [number, number] => [
  Number((lonLat[0] + dLon).toFixed(6)),
  Number((lonLat[1] + dLat).toFixed(6)),
];

beforeAll(async () => {
  s = await openApp({ signIn: 'leader' });
  port = await freePort();
  const [officers, cases] = await Promise.all([storedOfficers(s.page), storedRecords<Case>(s.page, 'cases')]);
  const open = cases.filter((c) => isOpenStage(c.stage));
  const found = officers.find(
    (o) => o.position && o.status !== 'off-duty' && open.some((c) => c.officerIds?.includes(o.id)),
  );
  if (found === undefined) throw new Error('the sample has no officer on duty holding an open case');
  officer = found;
  caseNos = open.filter((c) => c.officerIds?.includes(found.id)).map((c) => c.caseNo);
  const teams = await storedRecords<{ id: string; name: string }>(s.page, 'teams');
  teamName = teams.find((t) => t.id === found.teamId)?.name ?? '';
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe('the unit board', () => {
  let at: [number, number];

  it('takes a one-minute offline time and a phone bound to an officer, who is 离线 until it reports', async () => {
    const { page } = s;
    await setUpPhones(page, {
      port,
      offlineAfterMinutes: 1,
      bindings: [{ deviceId: DEVICE, officerName: officer.name }],
    });

    await page.getByTestId('unit-board-toggle').click();
    await page.getByTestId('unit-board').waitFor();
    // Bound, and the phone has not reported: the sample's simulated walk no longer speaks for them.
    await expect.poll(() => row().getAttribute('data-status')).toBe('offline');
    expect(await row().getByTestId('unit-age').textContent()).toBe('无定位');
  });

  it('shows them 处置中 with the phone’s battery and their case, from a fix 55 s old', async () => {
    const { page } = s;
    at = near(officer.position ?? [0, 0], 0.0018, -0.0011);
    const seconds = Math.floor(Date.now() / 1000) - 55;
    const accepted = await report(
      `id=${DEVICE}&timestamp=${seconds}&lat=${at[1]}&lon=${at[0]}&speed=0.8&accuracy=9&batt=76`,
    );
    expect(accepted.status).toBe(200);
    await expect.poll(() => row().getByTestId('unit-status').textContent()).toContain('处置中');
    expect(await row().getByTestId('unit-battery').textContent()).toBe('76%');
    expect(await row().getByTestId('unit-age').textContent()).toBe('刚刚');
    expect(caseNos).toContain(await row().getByTestId('unit-case').textContent());
    await expect.poll(drawnAs).toBe('handling');
    await screenshot(page, 'unit-board');
  });

  it('turns them 离线 on the board and the map once the minute has passed, with no new fix', async () => {
    const { page } = s;
    await expect.poll(() => row().getAttribute('data-status'), { timeout: 15_000 }).toBe('offline');
    expect(await row().getByTestId('unit-status').textContent()).toContain('离线');
    expect(await row().getByTestId('unit-age').textContent()).toBe('1 分钟前');
    expect(await row().getByTestId('unit-battery').textContent()).toBe('76%');
    await expect.poll(drawnAs).toBe('offline');

    // Only the 离线 are listed while that count is chosen; the counts stay as they are.
    const offline = Number(
      (await page.getByTestId('unit-count-offline').textContent())?.replace(/\D/g, '') ?? NaN,
    );
    expect(offline).toBeGreaterThanOrEqual(1);
    await page.getByTestId('unit-count-offline').click();
    await expect.poll(() => page.locator('[data-testid^="unit-row-"]').count()).toBe(offline);
    await page.getByTestId('unit-count-offline').click();
    // And only the officer's team while it is chosen.
    await choose(page, page.getByTestId('unit-board-team'), teamName);
    await expect.poll(() => page.locator('[data-testid^="unit-team-"]').count()).toBe(1);
    expect(await page.getByTestId(`unit-team-${officer.teamId}`).isVisible()).toBe(true);

    await row().click();
    await expect
      .poll(() => page.getByTestId('follow-indicator').textContent())
      .toContain(`跟随中：${officer.name}`);
    await expect.poll(() => centredOn(at)).toBe(true);
    await screenshot(page, 'unit-board-offline');
  });

  it('brings them back with a fresh fix, the map following them there until the user pans', async () => {
    const { page } = s;
    const next = near(at, -0.0024, 0.0009);
    const seconds = Math.floor(Date.now() / 1000);
    expect(
      (await report(`id=${DEVICE}&timestamp=${seconds}&lat=${next[1]}&lon=${next[0]}&batt=75`)).status,
    ).toBe(200);
    await expect.poll(() => row().getAttribute('data-status')).toBe('handling');
    expect(await row().getByTestId('unit-battery').textContent()).toBe('75%');
    await expect.poll(drawnAs).toBe('handling');
    await expect.poll(() => centredOn(next)).toBe(true);
    await screenshot(page, 'unit-board-back');

    const box = await page.getByTestId('map').boundingBox();
    if (box === null) throw new Error('no map on screen');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 60, y + 40, { steps: 6 });
    await page.mouse.up();
    await page.getByTestId('follow-indicator').waitFor({ state: 'detached' });
    expect(await centredOn(next)).toBe(false);
  });
});
