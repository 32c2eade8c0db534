/**
 * 越界告警 end to end: a shift leader sets the geofence threshold to one minute and binds a phone to an
 * officer on duty; the phone (played by fetch over loopback, with Traccar Client's request shape)
 * reports a fix inside the officer's patrol area three minutes ago, then fixes a kilometre outside
 * two and a half minutes ago and now, to the listener the web server hosts. The alert appears with the
 * officer's name and the status bar counts it; the leader acknowledges it, and the record names them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbox, pointOnFeature } from '@turf/turf';
import type { Officer, PatrolArea, Team } from '../../shared/model/organisation';
import { asGeoJson } from '../../shared/model/geo';
import type { GeofenceAlert } from '../../shared/positions/geofence';
import { inputOf, openApp, screenshot, storedOfficers, storedRecords, type Session } from './driver';
import { freePort } from '../free-port';
import { closePhonesDialog, openPhonesDialog, phoneReport, setUpPhones } from './phones';

let s: Session;
let port: number;
let officer: Officer;
let team: Team;
let area: PatrolArea;
let inside: [number, number];
let outside: [number, number];

/** A report as Traccar Client sends one: a POST whose target carries the query. */
const report = (lonLat: [number, number], secondsAgo: number) =>
  phoneReport(
    port,
    `id=558201&timestamp=${Math.floor(Date.now() / 1000) - secondsAgo}` +
      `&lat=${lonLat[1]}&lon=${lonLat[0]}&speed=0.8&batt=71`,
  );
const count = () => s.page.getByTestId('geofence-count').textContent();

beforeAll(async () => {
  s = await openApp({ signIn: 'leader' });
  port = await freePort();
  const found = (await storedOfficers(s.page)).find((o) => o.status !== 'off-duty' && o.position);
  if (found === undefined) throw new Error('the sample has no officer on duty');
  officer = found;
  const areas = (await storedRecords<PatrolArea>(s.page, 'patrolAreas')).filter(
    (a) => a.teamId === officer.teamId,
  );
  const teams = await storedRecords<Team>(s.page, 'teams');
  team = teams.find((t) => t.id === officer.teamId)!;
  area = areas[0]!;
  const feature = { type: 'Feature' as const, properties: {}, geometry: asGeoJson(area.geometry) };
  const [x, y] = pointOnFeature(feature).geometry.coordinates;
  inside = [Number(x!.toFixed(6)), Number(y!.toFixed(6))];
  // 0.01° (about 900 m) east of the team's areas, all of them.
  const [, south, east, north] = bbox({
    type: 'FeatureCollection',
    features: areas.map((a) => ({ type: 'Feature', properties: {}, geometry: asGeoJson(a.geometry) })),
  });
  outside = [Number((east + 0.01).toFixed(6)), Number(((south + north) / 2).toFixed(6))];
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe('geofence alerts', () => {
  it('are set to one minute by the shift leader, with a phone bound to an officer on duty', async () => {
    const { page } = s;
    await openPhonesDialog(page);
    expect(await inputOf(page, 'phones-geofence-minutes').inputValue()).toBe('10');
    await closePhonesDialog(page);
    await setUpPhones(page, {
      port,
      geofenceMinutes: 1,
      bindings: [{ deviceId: '558201', officerName: officer.name }],
    });
    expect(await count()).toBe('0');
  });

  it('raises an alert naming the officer once they are outside their area longer than that', async () => {
    const { page } = s;
    expect((await report(inside, 180)).status).toBe(200);
    expect((await report(outside, 150)).status).toBe(200);
    expect((await report(outside, 0)).status).toBe(200);
    await expect.poll(count).toBe('1');
    expect(await s.page.getByTestId('geofence-open').getAttribute('class')).toContain('hot');
    await page.getByTestId('geofence-open').click();
    const row = page.getByTestId('geofence-alert');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('geofence-officer').textContent()).toBe(officer.name);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(team.name);
    expect(text).toContain(area.name);
    expect(await row.getByTestId('geofence-state').textContent()).toBe('仍在片区外');
    // Left 2.5 minutes ago: the stretch is 2 whole minutes old. 0.01° of longitude at the sample's
    // 32.85° N is 934 m: the fix is that far east of the areas' easternmost point, or further.
    expect(await row.getByTestId('geofence-duration').textContent()).toBe('时长 2 分钟');
    expect(await row.getByTestId('geofence-distance').textContent()).toMatch(/^离片区 9[3-9]\d 米$/);

    // A click shows the officer: the details panel names them.
    await row.click();
    await expect
      .poll(() => page.getByTestId('details-title').textContent())
      .toBe(`执法人员 · ${officer.name}`);
    await screenshot(page, 'geofence-alert');
  });

  it('is acknowledged by the shift leader, and the record names who and when', async () => {
    const { page } = s;
    await page.getByTestId('geofence-acknowledge').click();
    const acknowledged = page.getByTestId('geofence-acknowledged');
    await expect
      .poll(() => acknowledged.textContent())
      .toMatch(/^已确认：带班领导 陈刚 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    await expect.poll(count).toBe('0');
    const [stored] = await storedRecords<GeofenceAlert>(page, 'geofenceAlerts');
    expect(stored?.acknowledged).toMatchObject({
      actor: { id: 'account-daiban', role: 'leader', name: '带班领导 陈刚' },
    });

    await screenshot(page, 'geofence-acknowledged');

    await page.getByTestId('geofence-tab-record').click();
    const line = page.getByTestId('geofence-record-line');
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.textContent()).toMatch(
      new RegExp(
        `^第 ${stored!.acknowledged!.seq} 条 · .+ · 带班领导 陈刚 确认了${officer.name}的越界告警（${area.name}，`,
      ),
    );
    await screenshot(page, 'geofence-record');
  });
});
