import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdmittedFix } from '../shared/positions/admit';
import type { PositionFeedConfig } from '../shared/positions/feed';
import { KNOT_MPS } from '../shared/positions/osmand';
import { createPositionHost, type PositionHost } from './position-host';
import { TRACCAR_USER, startFakeTraccar } from '../test/traccar-server';
import { startPositionListener } from './position-listener';
import { connectTraccar } from './traccar-connector';

let host: PositionHost;
let batches: AdmittedFix[][];

function makeHost(): PositionHost {
  batches = [];
  host = createPositionHost({
    start: startPositionListener,
    connectTraccar,
    deliver: (fixes) => batches.push([...fixes]),
    addresses: () => ['192.168.1.20'],
  });
  return host;
}
afterEach(async () => {
  await host.close();
});

const config = (over: Partial<PositionFeedConfig> = {}): PositionFeedConfig => ({
  enabled: true,
  port: 0,
  reach: 'local',
  bindings: [{ deviceId: '317401', officerId: 'off-3', token: null }],
  traccar: null,
  geofenceMinutes: 10,
  offlineAfterMs: 300_000,
  ...over,
});
const report = (port: number, id: string, seconds: number) =>
  fetch(`http://127.0.0.1:${port}/?id=${id}&timestamp=${seconds}&lat=28.65&lon=121.42`, { method: 'POST' });
const now = () => Math.floor(Date.now() / 1000);
const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

describe('the position host', () => {
  it('starts the listener as configured and hands its fixes on in one batch', async () => {
    const status = await makeHost().configure(config());
    expect(status).toMatchObject({ state: 'listening', addresses: ['127.0.0.1'] });
    if (status.state !== 'listening') return;
    const t = now();
    const answers = await Promise.all([0, 1, 2].map((i) => report(status.port, '317401', t - 10 + i)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await until(() => batches.length > 0);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((f) => f.officerId)).toEqual(['off-3', 'off-3', 'off-3']);
    expect(host.counts()?.admitted).toBe(3);
  });

  it('swaps the bindings without a restart, and stops when disabled', async () => {
    const first = await makeHost().configure(config());
    if (first.state !== 'listening') throw new Error(first.state);
    expect((await report(first.port, '555', now())).status).toBe(400);
    const again = await host.configure(
      config({ bindings: [{ deviceId: '555', officerId: 'off-9', token: null }] }),
    );
    expect(again).toEqual(first);
    expect((await report(first.port, '555', now())).status).toBe(200);
    expect(await host.configure(config({ enabled: false }))).toEqual({ state: 'off' });
    await expect(report(first.port, '555', now())).rejects.toThrow();
  });

  it('says why it cannot listen when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const status = await makeHost().configure(config({ port }));
      expect(status).toMatchObject({ state: 'failed', port, reason: expect.stringContaining('EADDRINUSE') });
    } finally {
      taken.close();
    }
  });

  it('takes a Traccar server’s positions through the same admission', async () => {
    const t = Date.now() - 30_000;
    const traccar = await startFakeTraccar(
      [{ id: 7, name: 'phone', uniqueId: '317401' }],
      [
        {
          id: 1,
          deviceId: 7,
          latitude: 28.66,
          longitude: 121.43,
          fixTime: new Date(t).toISOString(),
          speed: 0,
          course: 0,
        },
      ],
    );
    try {
      makeHost();
      await host.configure(config({ enabled: false, traccar: { url: traccar.url, ...TRACCAR_USER } }));
      await until(() => batches.length > 0);
      expect(batches[0]).toMatchObject([{ officerId: 'off-3', position: [121.43, 28.66], at: t }]);
      expect(host.traccar()).toEqual({ state: 'connected', devices: 1 });
      // The same fix again (Traccar resends on reconnect) is a duplicate, not a second position.
      traccar.push([
        {
          id: 1,
          deviceId: 7,
          latitude: 28.66,
          longitude: 121.43,
          fixTime: new Date(t).toISOString(),
          speed: 0,
          course: 0,
        },
      ]);
      await until(() => (host.counts()?.declined.duplicate ?? 0) === 1);
      expect(host.counts()?.admitted).toBe(1);
      await host.configure(config({ enabled: false, traccar: null }));
      expect(host.traccar()).toEqual({ state: 'off' });
    } finally {
      await traccar.close();
    }
  });

  it('reads an officer’s history from the Traccar server, from every device bound to them', async () => {
    const t = Date.UTC(2026, 11, 2, 1, 30, 0);
    const fix = (id: number, deviceId: number, ms: number, lon: number, valid = true) => ({
      id,
      deviceId,
      latitude: 28.65,
      longitude: lon,
      fixTime: new Date(ms).toISOString(),
      speed: 2,
      course: 90,
      valid,
    });
    const traccar = await startFakeTraccar(
      [
        { id: 7, name: 'phone', uniqueId: '317401' },
        { id: 8, name: 'spare phone', uniqueId: '317402' },
        { id: 9, name: 'someone else', uniqueId: '555' },
      ],
      [
        fix(1, 7, t, 121.42),
        fix(2, 7, t + 60_000, 121.421),
        fix(3, 7, t + 90_000, 121.5, false), // no satellite lock: not a point
        fix(4, 8, t + 120_000, 121.422),
        fix(5, 9, t + 30_000, 121.6), // another officer's device
        fix(6, 7, t + 3_600_000, 121.43), // after the period
      ],
    );
    try {
      makeHost();
      const query = { officerId: 'off-3', from: t - 60_000, to: t + 600_000 };
      expect(await host.history(query)).toEqual({ kind: 'off' });
      await host.configure(
        config({
          enabled: false,
          bindings: [
            { deviceId: '317401', officerId: 'off-3', token: null },
            { deviceId: '317402', officerId: 'off-3', token: null },
            { deviceId: '555', officerId: 'off-9', token: null },
          ],
          traccar: { url: traccar.url, ...TRACCAR_USER },
        }),
      );
      await until(() => host.traccar().state === 'connected');
      const answer = await host.history(query);
      expect(answer).toMatchObject({ kind: 'points', truncated: false });
      if (answer.kind !== 'points') return;
      expect(answer.points.map((p) => [p.at - t, p.position[0]])).toEqual([
        [0, 121.42],
        [60_000, 121.421],
        [120_000, 121.422],
      ]);
      expect(answer.points[0]).toMatchObject({ officerId: 'off-3', speed: 2 * KNOT_MPS });
      expect(await host.history({ ...query, officerId: 'off-unbound' })).toEqual({
        kind: 'points',
        points: [],
        truncated: false,
      });
    } finally {
      await traccar.close();
    }
  });

  it('says why a Traccar server’s history cannot be read', async () => {
    const traccar = await startFakeTraccar([{ id: 7, name: 'phone', uniqueId: '317401' }], []);
    const query = { officerId: 'off-3', from: Date.now() - 3_600_000, to: Date.now() };
    try {
      makeHost();
      await host.configure(
        config({ enabled: false, traccar: { url: traccar.url, ...TRACCAR_USER, password: 'wrong' } }),
      );
      await until(() => host.traccar().state === 'failed');
      expect(await host.history(query)).toMatchObject({ kind: 'failed', reason: 'auth' });
      await host.configure(config({ enabled: false, traccar: { url: traccar.url, ...TRACCAR_USER } }));
      await until(() => host.traccar().state === 'connected');
      // The server goes away after the host signed in: the host says it is connecting again (or,
      // once that failed too, that the server is unreachable).
      await traccar.close();
      await until(() => host.traccar().state !== 'connected');
      const answer = await host.history(query);
      expect(answer.kind).toBe('failed');
      expect(['connecting', 'unreachable']).toContain(answer.kind === 'failed' ? answer.reason : '');
    } finally {
      await traccar.close().catch(() => undefined);
    }
  });
});
