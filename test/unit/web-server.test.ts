import { request } from 'node:http';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../scripts/web-server';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** One real HTTP request to the server, with the path sent exactly as given (no client-side normalisation). */
function fetchRaw(server: WebServer, method: string, path: string, body?: string): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', fail);
    req.end(body);
  });
}

let base: string;
let server: WebServer;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'griddesk-web-'));
  const root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await mkdir(join(root, 'sample'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>GridDesk</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.js.map'), '{"sources":["../secret-source.ts"]}');
  await writeFile(join(root, 'sample', 'township.json'), '{"ok":true}');
  await writeFile(join(base, 'secret.txt'), 'do not serve');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  await symlink(base, join(root, 'up'));
  server = await startWebServer({ root });
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('the web server (npm run web)', () => {
  it('serves index.html for / and for the wall route with its query', async () => {
    for (const path of ['/', '/?view=wall', '/index.html', '/index.html?view=wall']) {
      const answer = await fetchRaw(server, 'GET', path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(answer.body, path).toContain('<title>GridDesk</title>');
    }
  });

  it('serves the files of the build with their types', async () => {
    const js = await fetchRaw(server, 'GET', '/assets/index-abc.js');
    expect([js.status, js.headers['content-type'], js.body]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'console.log(1)',
    ]);
    const json = await fetchRaw(server, 'GET', '/sample/township.json');
    expect(json.status).toBe(200);
  });

  it('answers HEAD like GET without a body', async () => {
    const head = await fetchRaw(server, 'HEAD', '/');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('<!doctype html><title>GridDesk</title>'.length));
    expect(head.body).toBe('');
  });

  it('refuses POST and other methods with 405 and says which are allowed', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await fetchRaw(server, method, '/', method === 'POST' ? '{"x":1}' : undefined);
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow, method).toBe('GET, HEAD');
      expect(answer.body, method).not.toContain('GridDesk');
    }
  });

  it('answers 404 for unknown files and paths outside the app routes', async () => {
    for (const path of ['/nope.js', '/wall', '/cases/42', '/sample/', '/assets/']) {
      const answer = await fetchRaw(server, 'GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('<title>GridDesk</title>');
    }
  });

  it('does not serve source maps', async () => {
    const answer = await fetchRaw(server, 'GET', '/assets/index-abc.js.map');
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('secret-source');
  });

  it('refuses symbolic links that lead out of the root', async () => {
    for (const path of ['/assets/link.txt', '/up/secret.txt']) {
      const answer = await fetchRaw(server, 'GET', path);
      expect(answer.status, path).toBe(403);
      expect(answer.body, path).not.toContain('do not serve');
    }
  });

  it('refuses traversal, literal or encoded, and malformed encoding', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const answer = await fetchRaw(server, 'GET', path);
      expect(answer.status, path).toBe(403);
      expect(answer.body, path).not.toContain('do not serve');
    }
    expect((await fetchRaw(server, 'GET', '/%E0%A4%A')).status).toBe(400);
  });

  it('sends the security headers with every answer, refusals included', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/nope.js'],
      ['POST', '/'],
    ] as const) {
      const { headers } = await fetchRaw(server, method, path);
      expect(headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
  });
});
