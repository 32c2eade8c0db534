/**
 * The position feed in browser mode: the web server hosts the listener and talks to its pages over a
 * WebSocket (scripts/web-positions.ts). A page is played by a `ws` client sending the page's Origin;
 * a phone by fetch over loopback, as Traccar Client reports.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from '../../scripts/web-server';
import { freePort } from '../free-port';

let web: WebServer;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'griddesk-positions-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>GridDesk</title>');
  web = await startWebServer({ root });
});
afterAll(async () => {
  await web.close();
  await rm(root, { recursive: true, force: true });
});

/** A page of the web server: its socket, every message it got, and a call helper. */
async function page(origin = web.url.replace(/\/$/, '')) {
  const socket = new WebSocket(`${web.url.replace('http', 'ws')}positions`, { headers: { Origin: origin } });
  const messages: Array<Record<string, unknown>> = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let serial = 0;
  const call = async (message: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const id = (serial += 1);
    socket.send(JSON.stringify({ ...message, id }));
    for (;;) {
      const answer = messages.find((m) => m.id === id);
      if (answer) return answer;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { socket, messages, call };
}

describe('the web server’s position feed', () => {
  it('starts the listener a page configures and relays a phone’s fix to every page', async () => {
    const workstation = await page();
    const wall = await page();
    const port = await freePort();
    const config = {
      enabled: true,
      port,
      reach: 'local',
      bindings: [{ deviceId: '317401', officerId: 'off-3', token: null }],
    };
    expect(await workstation.call({ call: 'configure', config })).toMatchObject({
      result: { state: 'listening', port, addresses: ['127.0.0.1'] },
    });
    const seconds = Math.floor(Date.now() / 1000);
    const phone = await fetch(
      `http://127.0.0.1:${port}/?id=317401&timestamp=${seconds}&lat=28.65&lon=121.42`,
      {
        method: 'POST',
      },
    );
    expect(phone.status).toBe(200);
    for (const p of [workstation, wall]) {
      while (!p.messages.some((m) => m.event === 'fixes')) await new Promise((r) => setTimeout(r, 10));
      expect(p.messages.find((m) => m.event === 'fixes')).toMatchObject({
        fixes: [{ officerId: 'off-3', position: [121.42, 28.65], at: seconds * 1000 }],
      });
    }
    expect(await wall.call({ call: 'counts' })).toMatchObject({ result: { admitted: 1 } });
    expect(await workstation.call({ call: 'configure', config: { ...config, enabled: false } })).toEqual({
      id: expect.any(Number),
      result: { state: 'off' },
    });
    workstation.socket.close();
    wall.socket.close();
  });

  it('answers a bad call with its error, and refuses another origin’s page', async () => {
    const p = await page();
    const bad = await p.call({ call: 'configure', config: { enabled: true, port: 22 } });
    expect(bad.error).toEqual(expect.any(String));
    p.socket.close();
    await expect(page('http://evil.example')).rejects.toThrow(/403/);
  });

  it('reads an officer’s Traccar history for a page, refusing a period that runs backwards', async () => {
    const p = await page();
    const now = Date.now();
    const backwards = await p.call({
      call: 'history',
      query: { officerId: 'off-3', from: now, to: now - 1 },
    });
    expect(backwards.error).toEqual(expect.any(String));
    expect(
      await p.call({ call: 'history', query: { officerId: 'off-3', from: now - 3_600_000, to: now } }),
    ).toMatchObject({ result: { kind: 'off' } });
    p.socket.close();
  });
});
