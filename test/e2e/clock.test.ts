/**
 * One clock for the centre: on a PC whose zone is UTC, the workstation (case detail, its record) and the
 * display wall show China time for the same case, and the wall's 超期 is the indicators' 当前超期
 * whatever period the indicators cover.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Case } from '../../shared/model/case';
import { formatCentreTime, type TimeStyle } from '../../shared/calendar/format';
import { periodStart } from '../../shared/calendar/zone';
import { inputOf, mapIdle, openApp, screenshot, signIn, storedRecords, type Session } from './driver';

const china = (at: number, style: TimeStyle): string =>
  formatCentreTime(at, style, { zone: 'Asia/Shanghai', locale: 'zh-CN' });
const utc = (at: number, style: TimeStyle): string =>
  formatCentreTime(at, style, { zone: 'UTC', locale: 'zh-CN' });

/** Seconds between two "HH:MM:SS" readings, across midnight. */
function secondsApart(a: string, b: string): number {
  const sec = (text: string): number => {
    const [h = 0, m = 0, s = 0] = text.split(':').map(Number);
    return h * 3600 + m * 60 + s;
  };
  const d = Math.abs(sec(a) - sec(b));
  return Math.min(d, 86_400 - d);
}

async function kpi(page: Page, key: string): Promise<number> {
  return Number((await page.getByTestId(`wall-kpi-${key}`).locator('.value').textContent())?.trim());
}

describe('one clock for the centre, on a PC set to UTC', () => {
  let s: Session;
  let desk: Page;
  let wall: Page;
  beforeAll(async () => {
    s = await openApp({ width: 1600, height: 1000, timezoneId: 'UTC' });
    desk = s.page;
    await mapIdle(desk);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('runs in a browser whose own zone is UTC', async () => {
    const zone = await desk.evaluate(() => ({
      offset: new Date().getTimezoneOffset(),
      name: new Intl.DateTimeFormat().resolvedOptions().timeZone,
    }));
    expect(zone).toEqual({ offset: 0, name: 'UTC' });
  });

  it('shows a case’s report time and every step of its record in China time on the workstation', async () => {
    await desk.getByTestId('queue-list').focus();
    await desk.keyboard.press('ArrowDown');
    const first = desk.getByTestId('queue-row').first();
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    const caseNo = (await first.getByTestId('queue-case-no').textContent())?.trim();
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.getByTestId('case-detail-no').textContent()).toBe(caseNo);
    const kase = (await storedRecords<Case>(desk, 'cases')).find((c) => c.caseNo === caseNo);
    if (kase === undefined) throw new Error(`case ${caseNo} not stored`);
    const reported = await desk.getByTestId('case-detail-reportedAt').textContent();
    expect(reported).toBe(china(kase.reportedAt, 'dateTime'));
    // The PC's own reading differs by eight hours (and maybe by a day): the test tells them apart.
    expect(reported).not.toBe(utc(kase.reportedAt, 'dateTime'));

    // Every step of its record, as stored, in China time.
    const events = (await storedRecords<{ caseId: string; at: number }>(desk, 'events')).filter(
      (e) => e.caseId === kase.id,
    );
    expect(events.length).toBeGreaterThan(0);
    await expect.poll(() => desk.getByTestId('timeline-item').count()).toBe(events.length);
    const metas = await desk.getByTestId('timeline-item').locator('.meta').allTextContents();
    const shown = metas.map((m) => m.split(' · ').at(-1)?.trim()).sort();
    expect(shown).toEqual(events.map((e) => china(e.at, 'dateTime')).sort());
    await screenshot(desk, 'clock-case-detail-utc');
  });

  it('shows China time on the wall: its clock and the newest cases', async () => {
    const [popup] = await Promise.all([
      desk.context().waitForEvent('page'),
      desk.getByTestId('open-wall').click(),
    ]);
    wall = popup;
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await signIn(wall, 'viewer');
    await wall.getByTestId('wall').waitFor();
    const clock = (await wall.getByTestId('wall-clock').textContent())?.trim() ?? '';
    expect(secondsApart(clock, china(Date.now(), 'time'))).toBeLessThanOrEqual(5);
    expect(secondsApart(clock, utc(Date.now(), 'time'))).toBeGreaterThan(7 * 3600);

    const newest = (await storedRecords<Case>(wall, 'cases')).sort(
      (a, b) => b.reportedAt - a.reportedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )[0];
    if (newest === undefined) throw new Error('no cases stored');
    await expect
      .poll(() => wall.getByTestId('wall-latest').locator('li .when').first().textContent())
      .toBe(china(newest.reportedAt, 'shortDateTime'));
    await mapIdle(wall);
    await screenshot(wall, 'clock-wall-utc');
  });

  it('gives the wall’s 超期 as the indicators’ 当前超期 for every period', async () => {
    await expect.poll(() => kpi(wall, 'overdue')).toBeGreaterThan(0);
    await desk.bringToFront();
    await desk.getByTestId('tools-button').click();
    await desk.getByTestId('tools-indicators').click();
    const dialog = desk.getByTestId('indicators-dialog');
    await dialog.getByTestId('indicators-overall').waitFor();
    const overdueNow = async (): Promise<number> =>
      Number(await dialog.getByTestId('indicators-overdue-now').textContent());
    for (const days of [7, 30, 90, 365]) {
      await dialog.getByTestId('indicators-period').getByText(`近 ${days} 天`, { exact: true }).click();
      // The period starts at 00:00 China time, days − 1 days before today.
      const since = china(periodStart(Date.now(), days, 'Asia/Shanghai'), 'dateTime');
      expect(since).toMatch(/ 00:00$/);
      // The 365-day period reads a year of cases: allow it the time it takes on a busy machine.
      await expect
        .poll(() => dialog.getByTestId('indicators-range').textContent(), { timeout: 60_000 })
        .toContain(`${since} 至 `);
      // Both figures are of "now"; a case may cross its limit between two reads, so read until they agree.
      await expect.poll(async () => (await overdueNow()) - (await kpi(wall, 'overdue'))).toBe(0);
      expect(await overdueNow()).toBeGreaterThan(0);
    }
    await screenshot(desk, 'clock-indicators-utc');
  });

  it('follows the centre’s zone when the shift leader sets another one, and refuses one with daylight saving', async () => {
    await desk.keyboard.press('Escape');
    await desk.getByTestId('sign-out').click();
    await signIn(desk, 'leader');
    await desk.getByTestId('tools-button').click();
    await desk.getByTestId('tools-settings').click();
    const zone = inputOf(desk, 'settings-time-zone');
    expect(await zone.inputValue()).toBe('Asia/Shanghai');
    await zone.fill('Europe/Berlin');
    await desk.getByTestId('settings-save').click();
    await expect
      .poll(() => desk.getByTestId('settings-issues').textContent())
      .toContain('timeZone：“Europe/Berlin”不是可用的时区');
    await zone.fill('Asia/Urumqi');
    await desk.getByTestId('settings-save').click();
    await desk.getByTestId('settings-dialog').waitFor({ state: 'hidden' });

    await desk.getByTestId('queue-list').focus();
    await desk.keyboard.press('ArrowDown');
    await desk.keyboard.press('Enter');
    const caseNo = await desk.getByTestId('case-detail-no').textContent();
    const kase = (await storedRecords<Case>(desk, 'cases')).find((c) => c.caseNo === caseNo);
    if (kase === undefined) throw new Error(`case ${caseNo} not stored`);
    // Urumqi is two hours behind Beijing.
    await expect
      .poll(() => desk.getByTestId('case-detail-reportedAt').textContent())
      .toBe(formatCentreTime(kase.reportedAt, 'dateTime', { zone: 'Asia/Urumqi', locale: 'zh-CN' }));
  });

  it('takes a new deadline (延期) typed in the centre’s time, whatever the PC’s zone', async () => {
    const listed = (await desk.getByTestId('queue-case-no').allTextContents()).map((n) => n.trim());
    const kase = (await storedRecords<Case>(desk, 'cases')).find(
      (c) => listed.includes(c.caseNo) && (c.stage === 'dispatched' || c.stage === 'handling'),
    );
    if (kase === undefined) throw new Error('no case in the queue is being handled');
    await desk.getByTestId('queue-case-no').getByText(kase.caseNo, { exact: true }).click();
    await expect.poll(() => desk.getByTestId('case-detail-no').textContent()).toBe(kase.caseNo);
    await desk.getByTestId('case-action-extend').click();
    const dialog = desk.getByRole('dialog', { name: `延期 · ${kase.caseNo}` });
    await inputOf(desk, 'action-reason').fill('商户申请延期整改');
    const deadline = inputOf(desk, 'action-deadline');
    await deadline.click();
    await deadline.fill('2030-01-15 18:00');
    await deadline.press('Enter');
    await expect.poll(() => deadline.inputValue()).toBe('2030-01-15 18:00');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    // 18:00 at the centre (Asia/Urumqi, six hours ahead of UTC) is 12:00 UTC, not the PC's 18:00 UTC.
    const extended = async (): Promise<unknown> => {
      const events = await storedRecords<{ caseId: string; action: { type: string; payload: unknown } }>(
        desk,
        'events',
      );
      return events.find((e) => e.caseId === kase.id && e.action.type === 'extend')?.action.payload;
    };
    await expect
      .poll(extended)
      .toEqual({ reason: '商户申请延期整改', deadline: Date.UTC(2030, 0, 15, 12, 0) });
    await expect
      .poll(() => desk.getByTestId('case-detail-clock').textContent())
      .toContain('（截止 2030/01/15 18:00）');
  });
});
