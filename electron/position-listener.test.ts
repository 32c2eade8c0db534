import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdmittedFix, DeviceBinding } from '../shared/positions/admit';
import {
  MAX_BODY_BYTES,
  MAX_REQUESTS_PER_SECOND,
  startPositionListener,
  type PositionListener,
} from './position-listener';

const T = Date.UTC(2026, 11, 2, 1, 30, 0);
const bindings = new Map<string, DeviceBinding>([
  ['317401', { deviceId: '317401', officerId: 'off-3', token: null }],
  ['317402', { deviceId: '317402', officerId: 'off-4', token: 'k7' }],
]);

let listener: PositionListener;
let received: AdmittedFix[][];
let clock = T;

async function start(): Promise<void> {
  received = [];
  clock = T;
  listener = await startPositionListener({
    host: '127.0.0.1',
    port: 0,
    bindings,
    onFixes: (fixes) => received.push([...fixes]),
    now: () => clock,
  });
}
afterEach(async () => {
  await listener.close();
});

const base = () => `http://127.0.0.1:${listener.port}`;
const query = (id: string, seconds: number, extra = '') =>
  `/?id=${id}&timestamp=${seconds}&lat=28.656312&lon=121.420847&speed=0.0&bearing=0.0&altitude=12.0&accuracy=5.0&batt=87.0${extra}`;

describe('the position listener, over loopback as a phone reports', () => {
  it('admits the classic client’s POST, a GET and Traccar Client 9’s JSON, answering 200', async () => {
    await start();
    const classic = await fetch(base() + query('317401', T / 1000), { method: 'POST' });
    expect(classic.status).toBe(200);
    const get = await fetch(base() + query('317401', T / 1000 + 5));
    expect(get.status).toBe(200);
    const json = await fetch(base() + '/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        device_id: '317401',
        location: {
          timestamp: new Date(T + 10_000).toISOString(),
          coords: {
            latitude: 28.657,
            longitude: 121.421,
            speed: 1.5,
            heading: 90,
            accuracy: 8,
            altitude: 10,
          },
          battery: { level: 0.5, is_charging: false },
        },
      }),
    });
    expect(json.status).toBe(200);
    expect(received.flat().map((f) => [f.officerId, f.at, f.position])).toEqual([
      ['off-3', T, [121.420847, 28.656312]],
      ['off-3', T + 5_000, [121.420847, 28.656312]],
      ['off-3', T + 10_000, [121.421, 28.657]],
    ]);
    expect(listener.counts().admitted).toBe(3);
  });

  it('answers 400 to an unknown device, a wrong token and a malformed request, and stores none', async () => {
    await start();
    expect((await fetch(base() + query('999999', T / 1000))).status).toBe(400);
    expect((await fetch(base() + query('317402', T / 1000, '&token=guess'))).status).toBe(400);
    expect((await fetch(base() + query('317402', T / 1000, '&token=k7'))).status).toBe(200);
    const bad = await fetch(base() + '/?id=317401&lat=north&lon=121');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('osmand.badNumber lat');
    const json = await fetch(base() + '/', {
      method: 'POST',
      body: '{"device_id":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect(received.flat().map((f) => f.officerId)).toEqual(['off-4']);
    const counts = listener.counts();
    expect(counts.declined.unknownDevice).toBe(1);
    expect(counts.declined.badToken).toBe(1);
    expect(counts.malformed).toEqual({ 'osmand.badNumber': 1, 'osmand.badJson': 1 });
  });

  it('declines a fix from the future, a duplicate and an older one, with 200 so the phone moves on', async () => {
    await start();
    expect((await fetch(base() + query('317401', T / 1000 + 3600))).status).toBe(200);
    expect((await fetch(base() + query('317401', T / 1000))).status).toBe(200);
    expect((await fetch(base() + query('317401', T / 1000))).status).toBe(200);
    expect((await fetch(base() + query('317401', T / 1000 - 60))).status).toBe(200);
    expect(received.flat().map((f) => f.at)).toEqual([T]);
    expect(listener.counts().declined).toMatchObject({ future: 1, duplicate: 1, outOfOrder: 1 });
  });

  it('refuses an oversized body unread, a burst and other methods, and keeps serving', async () => {
    await start();
    const big = await fetch(base() + '/', { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(big.status).toBe(413);
    expect((await fetch(base() + '/', { method: 'PUT', body: 'id=1' })).status).toBe(405);
    const statuses: number[] = [];
    // The oversized POST counted as this second's first request (a PUT is refused before counting).
    for (let i = 0; i < MAX_REQUESTS_PER_SECOND; i += 1)
      statuses.push((await fetch(base() + query('317401', T / 1000 - 300 + i))).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    clock += 1_000; // the next second
    expect((await fetch(base() + query('317401', T / 1000 + 1))).status).toBe(200);
    expect(listener.counts().refused).toEqual({ oversized: 1, burst: 1, method: 1 });
  });

  it('survives garbage on the socket', async () => {
    await start();
    await new Promise<void>((resolve) => {
      const socket = connect(listener.port, '127.0.0.1', () =>
        socket.end('\x00\x01GARBAGE / HTTP/9\r\n\r\n'),
      );
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    expect((await fetch(base() + query('317401', T / 1000))).status).toBe(200);
  });

  it('takes new bindings while it runs', async () => {
    await start();
    expect((await fetch(base() + query('555', T / 1000))).status).toBe(400);
    listener.setBindings(new Map([['555', { deviceId: '555', officerId: 'off-9', token: null }]]));
    expect((await fetch(base() + query('555', T / 1000))).status).toBe(200);
    expect(received.flat().map((f) => f.officerId)).toEqual(['off-9']);
  });
});
