/**
 * 终端定位 end to end: a shift leader binds a phone to an officer and switches the feed on; a phone
 * (played by fetch over loopback, with Traccar Client's request shape) reports to the listener the web
 * server hosts; the officer's badge moves there on the map, and the dialog counts what was received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Officer } from '../../shared/model/organisation';
import { TRACCAR_USER, startFakeTraccar } from '../traccar-server';
import {
  dialogSettled,
  inputOf,
  openApp,
  renderedOfficers,
  screenshot,
  signIn,
  storedOfficers,
  type Session,
} from './driver';
import { freePort } from '../free-port';
import { addBinding, fillListener, openPhonesDialog, phoneReport, savePhones } from './phones';

let s: Session;
let port: number;
let officer: Officer;

/** A report as Traccar Client sends one: a POST whose target carries the query. */
const report = (query: string) => phoneReport(port, query);

beforeAll(async () => {
  s = await openApp({ signIn: 'leader' });
  port = await freePort();
  const officers = await storedOfficers(s.page);
  const found = officers.find((o) => o.position !== null && o.status !== 'off-duty');
  if (found === undefined) throw new Error('the sample has no officer on duty with a position');
  officer = found;
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe('phones reporting positions', () => {
  it('is switched on by the shift leader, binding a device to an officer', async () => {
    const { page } = s;
    await openPhonesDialog(page);
    await expect.poll(() => page.getByTestId('phones-status').textContent()).toBe('未开启');
    await fillListener(page, port);
    await addBinding(page, 1, { deviceId: '317401', officerName: officer.name });
    // A second row with the same device is named by its row, and nothing is saved.
    await page.getByTestId('phones-add').click();
    await inputOf(page, 'phones-row-2').fill('317401');
    await page.getByTestId('phones-save').click();
    await expect
      .poll(() => page.getByTestId('phones-issue').allTextContents())
      .toEqual(['第 2 行：终端编号“317401”与第 1 行重复', '第 2 行：请选择本中心的队员']);
    await page.getByTestId('phones-row-2').getByRole('button', { name: '移除' }).click();
    await savePhones(page, port);
    expect(await page.getByTestId('phones-addresses').textContent()).toContain(`http://127.0.0.1:${port}`);
  });

  it('moves the officer to where the phone reports, and counts what it received', async () => {
    const { page } = s;
    const [lon, lat] = officer.position ?? [0, 0];
    const to: [number, number] = [Number((lon + 0.0021).toFixed(6)), Number((lat - 0.0013).toFixed(6))];
    // A minute ahead of the clock (within the five allowed): the sample's simulated walk, reporting
    // "now" every 15 s, does not overtake it while the test looks.
    const seconds = Math.floor(Date.now() / 1000) + 60;
    const accepted = await report(
      `id=317401&timestamp=${seconds}&lat=${to[1]}&lon=${to[0]}&speed=1.2&batt=80`,
    );
    expect(accepted.status).toBe(200);
    expect((await report('id=999999&lat=28.6&lon=121.4')).status).toBe(400);
    expect((await report('id=317401&lat=north&lon=121.4')).status).toBe(400);

    await expect
      .poll(async () => (await storedOfficers(page)).find((o) => o.id === officer.id)?.position)
      .toEqual(to);
    await expect
      .poll(async () => {
        const drawn = (await renderedOfficers(page)).find((o) => o.id === officer.id);
        return drawn && Math.hypot(drawn.lonLat[0] - to[0], drawn.lonLat[1] - to[1]) < 1e-4;
      })
      .toBe(true);
    await expect.poll(() => page.getByTestId('phones-admitted').textContent()).toBe('已采用 1 条');
    await expect
      .poll(() => page.getByTestId('phones-declined').textContent())
      .toBe('未采用 1 条：未绑定的终端 1');
    expect(await page.getByTestId('phones-counts').textContent()).toContain('格式错误 1 条');
    await dialogSettled(page);
    await screenshot(page, 'phones-dialog');
    await page.getByTestId('phones-close').click();
    await page.getByTestId('phones-dialog').waitFor({ state: 'detached' });
    await screenshot(page, 'phones-moved');
  });

  it('keeps its settings and keeps listening after a reload', async () => {
    const { page } = s;
    await page.reload();
    await signIn(page, 'leader');
    await openPhonesDialog(page);
    await expect.poll(() => page.getByTestId('phones-status').textContent()).toBe(`正在接收：端口 ${port}`);
    expect(await inputOf(page, 'phones-port').inputValue()).toBe(String(port));
    expect(await inputOf(page, 'phones-device').inputValue()).toBe('317401');
    const seconds = Math.floor(Date.now() / 1000) + 90;
    expect((await report(`id=317401&timestamp=${seconds}&lat=28.65&lon=121.42`)).status).toBe(200);
    await expect.poll(() => page.getByTestId('phones-admitted').textContent()).toBe('已采用 2 条');
  });

  it('takes the positions of the centre’s Traccar server, and says a refused sign-in', async () => {
    const { page } = s;
    const to: [number, number] = [121.4051, 28.6512];
    const fixTime = new Date(Date.now() + 120_000).toISOString();
    const traccar = await startFakeTraccar(
      [{ id: 7, name: '执法记录仪 7', uniqueId: '317401' }],
      [{ id: 1, deviceId: 7, latitude: to[1], longitude: to[0], fixTime, speed: 0, course: 0 }],
    );
    try {
      await inputOf(page, 'phones-traccar-url').fill(traccar.url);
      await inputOf(page, 'phones-traccar-email').fill(TRACCAR_USER.email);
      await inputOf(page, 'phones-traccar-password').fill('wrong');
      await page.getByTestId('phones-save').click();
      await expect
        .poll(() => page.getByTestId('phones-traccar-state').textContent(), { timeout: 15_000 })
        .toBe('登录被拒：请检查账号和密码');
      await inputOf(page, 'phones-traccar-password').fill(TRACCAR_USER.password);
      await page.getByTestId('phones-save').click();
      await expect
        .poll(() => page.getByTestId('phones-traccar-state').textContent(), { timeout: 15_000 })
        .toBe('已连接：1 台设备');
      await expect
        .poll(async () => (await storedOfficers(page)).find((o) => o.id === officer.id)?.position)
        .toEqual(to);
      await dialogSettled(page);
      await screenshot(page, 'phones-traccar');
    } finally {
      await traccar.close();
    }
  });
});
