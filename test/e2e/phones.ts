/**
 * The 终端定位 dialog as a shift leader fills it in, shared by the end-to-end tests whose phones report
 * positions: switching the listener on, binding devices to officers, and the Traccar server's sign-in.
 * A phone itself is played by `phoneReport`, a POST with Traccar Client's request shape.
 */
import type { Page } from 'playwright-core';
import { TRACCAR_USER } from '../traccar-server';
import { choose, inputOf } from './driver';

/** Waits until the element with `testId` says `text`, no more (a locator wait: usable in beforeAll). */
async function exactly(page: Page, testId: string, text: string): Promise<void> {
  await page
    .getByTestId(testId)
    .and(page.getByText(text, { exact: true }))
    .waitFor();
}

export interface PhoneBinding {
  readonly deviceId: string;
  readonly officerName: string;
}

export interface PhonesForm {
  readonly port: number;
  readonly bindings: readonly PhoneBinding[];
  /** 离线判定, minutes. */
  readonly offlineAfterMinutes?: number;
  /** 越界告警, minutes. */
  readonly geofenceMinutes?: number;
  /** The centre's Traccar server, signed in to as test/traccar-server.ts expects, and how many devices it lists. */
  readonly traccar?: { readonly url: string; readonly devices: number };
}

export async function openPhonesDialog(page: Page): Promise<void> {
  await page.getByTestId('tools-button').click();
  await page.getByTestId('tools-phones').click();
  await page.getByTestId('phones-dialog').waitFor();
}

/** Switches the listener on at `port`, reachable from this PC only. */
export async function fillListener(page: Page, port: number): Promise<void> {
  await page.getByTestId('phones-enabled').click();
  await inputOf(page, 'phones-port').fill(String(port));
  await choose(page, page.getByTestId('phones-reach'), '仅本机（测试用）');
}

/** Adds a row binding a device to an officer; rows are numbered from 1. */
export async function addBinding(page: Page, row: number, binding: PhoneBinding): Promise<void> {
  await page.getByTestId('phones-add').click();
  const tr = page.getByTestId(`phones-row-${row}`);
  await tr.waitFor();
  await inputOf(page, `phones-row-${row}`).fill(binding.deviceId);
  await choose(page, tr.getByTestId('phones-officer'), binding.officerName);
}

/** Saves, and waits until the listener says it is receiving. */
export async function savePhones(page: Page, port: number): Promise<void> {
  await page.getByTestId('phones-save').click();
  await exactly(page, 'phones-status', `正在接收：端口 ${port}`);
}

export async function closePhonesDialog(page: Page): Promise<void> {
  await page.getByTestId('phones-close').click();
  await page.getByTestId('phones-dialog').waitFor({ state: 'detached' });
}

/** Opens 终端定位, fills in `form`, saves, waits until it is receiving (and Traccar connected), closes. */
export async function setUpPhones(page: Page, form: PhonesForm): Promise<void> {
  await openPhonesDialog(page);
  await fillListener(page, form.port);
  if (form.offlineAfterMinutes !== undefined)
    await inputOf(page, 'phones-offline-after').fill(String(form.offlineAfterMinutes));
  for (const [i, binding] of form.bindings.entries()) await addBinding(page, i + 1, binding);
  if (form.geofenceMinutes !== undefined) {
    await inputOf(page, 'phones-geofence-minutes').fill(String(form.geofenceMinutes));
    await inputOf(page, 'phones-geofence-minutes').press('Tab');
  }
  if (form.traccar !== undefined) {
    await inputOf(page, 'phones-traccar-url').fill(form.traccar.url);
    await inputOf(page, 'phones-traccar-email').fill(TRACCAR_USER.email);
    await inputOf(page, 'phones-traccar-password').fill(TRACCAR_USER.password);
  }
  await savePhones(page, form.port);
  if (form.traccar !== undefined)
    await exactly(page, 'phones-traccar-state', `已连接：${form.traccar.devices} 台设备`);
  await closePhonesDialog(page);
}

/** A report as Traccar Client sends one: a POST to the listener whose target carries the query. */
export function phoneReport(port: number, query: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/?${query}`, { method: 'POST' });
}
