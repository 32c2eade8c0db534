import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceFix } from '../shared/positions/osmand';
import { KNOT_MPS } from '../shared/positions/osmand';
import {
  TRACCAR_USER,
  startFakeTraccar,
  type FakeTraccar,
  type FakeTraccarPosition,
} from '../test/traccar-server';
import { connectTraccar, type TraccarConnector, type TraccarState } from './traccar-connector';

const T = Date.UTC(2026, 11, 2, 1, 30, 0);
const devices = [
  { id: 7, name: '陈亮燕的手机', uniqueId: '317401' },
  { id: 8, name: '备用机', uniqueId: '317402' },
];
const at = (ms: number): string => new Date(ms).toISOString();
const position = (id: number, deviceId: number, ms: number, lon: number): FakeTraccarPosition => ({
  id,
  deviceId,
  latitude: 28.65,
  longitude: lon,
  fixTime: at(ms),
  speed: 2,
  course: 90,
  accuracy: 6,
  attributes: { batteryLevel: 71 },
});
const history = [
  position(1, 7, T - 120_000, 121.41),
  position(2, 7, T - 60_000, 121.42),
  position(3, 8, T, 121.5),
];

let traccar: FakeTraccar;
let connector: TraccarConnector | null = null;
afterEach(async () => {
  await connector?.close();
  connector = null;
  await traccar.close();
});

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

function connect(password = TRACCAR_USER.password) {
  const fixes: DeviceFix[] = [];
  const states: TraccarState[] = [];
  connector = connectTraccar({
    url: traccar.url,
    email: TRACCAR_USER.email,
    password,
    onFixes: (batch) => fixes.push(...batch),
    onState: (s) => states.push(s),
    retryMs: 50,
  });
  return { fixes, states, connector };
}

describe('a Traccar server’s positions', () => {
  it('come over its socket after a session login, under the devices’ unique ids', async () => {
    traccar = await startFakeTraccar(devices, history);
    const { fixes, connector } = connect();
    await until(() => connector.state().state === 'connected');
    expect(connector.state()).toEqual({ state: 'connected', devices: 2 });
    // On connect Traccar sends each device's latest position.
    await until(() => fixes.length === 2);
    expect(fixes.map((f) => [f.deviceId, f.at, f.lon])).toEqual([
      ['317401', T - 60_000, 121.42],
      ['317402', T, 121.5],
    ]);
    expect(fixes[0]).toMatchObject({
      speed: 2 * KNOT_MPS,
      bearing: 90,
      accuracy: 6,
      battery: 71,
      valid: true,
    });
    traccar.push([position(4, 7, T + 5_000, 121.43), { ...position(5, 99, T, 1), deviceId: 99 }]);
    await until(() => fixes.length === 3);
    expect(fixes[2]).toMatchObject({ deviceId: '317401', at: T + 5_000, lon: 121.43 });
  });

  it('give a device’s history over REST', async () => {
    traccar = await startFakeTraccar(devices, history);
    const { connector } = connect();
    await until(() => connector.state().state === 'connected');
    const past = await connector.history('317401', T - 90_000, T);
    expect(past.map((f) => f.at)).toEqual([T - 60_000]);
    expect(await connector.history('unknown', T - 90_000, T)).toEqual([]);
  });

  it('say a refused login, and connect again after a drop', async () => {
    traccar = await startFakeTraccar(devices, history);
    const refused = connect('wrong');
    await until(() => refused.connector.state().state === 'failed');
    expect(refused.connector.state()).toMatchObject({ state: 'failed', reason: 'auth' });
    await refused.connector.close();

    const { connector } = connect();
    await until(() => connector.state().state === 'connected');
    traccar.dropSockets();
    await until(() => traccar.seen.sockets === 2 && connector.state().state === 'connected');
    expect(traccar.seen.logins).toBe(2);
  });

  it('say an unreachable server', async () => {
    traccar = await startFakeTraccar(devices, history);
    const url = traccar.url;
    await traccar.close();
    traccar = await startFakeTraccar(devices, history); // for afterEach
    connector = connectTraccar({ url, email: 'x', password: 'y', onFixes: () => undefined, retryMs: 10_000 });
    const c = connector;
    await until(() => c.state().state === 'failed');
    expect(c.state()).toMatchObject({ state: 'failed', reason: 'unreachable' });
  });
});
