import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_WALL_URL } from './app-origin';
import { createAppRequestHandler, mimeTypeOf, resolveAppPath } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'griddesk-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>GridDesk</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'style.css'), 'body{}');
  await writeFile(join(root, 'assets', 'index-abc.js.map'), '{"sources":["secret.ts"]}');
  await writeFile(join(root, 'assets', '网格.json'), '{"ok":true}');
  await writeFile(join(base, 'secret.txt'), 'do not serve');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('serves index.html for the root and for a bare origin', () => {
    expect(resolveAppPath('app://griddesk/', root)).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppPath('app://griddesk', root)).toEqual({ ok: true, file: join(root, 'index.html') });
  });

  it('maps a path, ignoring query and fragment, and decodes percent-encoded names', () => {
    expect(resolveAppPath('app://griddesk/assets/index-abc.js?v=2#x', root)).toEqual({
      ok: true,
      file: join(root, 'assets', 'index-abc.js'),
    });
    expect(resolveAppPath('app://griddesk/index.html#/../x', root)).toEqual({
      ok: true,
      file: join(root, 'index.html'),
    });
    expect(resolveAppPath(`app://griddesk/assets/${encodeURIComponent('网格.json')}`, root)).toEqual({
      ok: true,
      file: join(root, 'assets', '网格.json'),
    });
  });

  it('refuses literal and encoded traversal', () => {
    for (const url of [
      'app://griddesk/../x',
      'app://griddesk/../../etc/passwd',
      'app://griddesk/%2e%2e/x',
      'app://griddesk/%2E%2E/%2E%2E/secret.txt',
      'app://griddesk/assets/..%2f..%2fsecret.txt',
      'app://griddesk/assets/%5c..%5csecret.txt',
      'app://griddesk/./index.html',
      'app://griddesk/C%3A/Windows/win.ini',
      'app://griddesk/index.html%00.js',
    ]) {
      const result = resolveAppPath(url, root);
      expect(result, url).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses unknown hosts, other schemes, ports and credentials', () => {
    expect(resolveAppPath('app://evil/index.html', root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppPath('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppPath('app://griddesk:81/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath('app://a:b@griddesk/index.html', root)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolveAppPath('app://griddesk/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('the app:// request handler', () => {
  const refused: string[] = [];
  // Created per request: the root folder only exists once beforeAll has run.
  const handle = (request: Request): Promise<Response> =>
    createAppRequestHandler({ root, onRefused: (url) => refused.push(url) })(request);

  it('serves index.html for / with the HTML type and the CSP header', async () => {
    const response = await handle(new Request('app://griddesk/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(await response.text()).toContain('<title>GridDesk</title>');
  });

  it('serves index.html for the display wall URL, whose query only the renderer reads', async () => {
    expect(resolveAppPath(APP_WALL_URL, root)).toEqual({ ok: true, file: join(root, 'index.html') });
    const response = await handle(new Request(APP_WALL_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>GridDesk</title>');
  });

  it('serves scripts and styles with their MIME types', async () => {
    const js = await handle(new Request('app://griddesk/assets/index-abc.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const css = await handle(new Request('app://griddesk/assets/style.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing file and for an unknown host, and logs the refusal', async () => {
    expect((await handle(new Request('app://griddesk/nope.js'))).status).toBe(404);
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
    expect(refused).toContain('app://other/index.html');
  });

  it('refuses a symbolic link that leads out of the root', async () => {
    const response = await handle(new Request('app://griddesk/assets/link.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('does not serve source maps', async () => {
    const response = await handle(new Request('app://griddesk/assets/index-abc.js.map'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret.ts');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(new Request('app://griddesk/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    const head = await handle(new Request('app://griddesk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('mimeTypeOf', () => {
  it('knows the types the renderer ships and sends unknown ones as bytes', () => {
    expect(mimeTypeOf('a.WOFF2')).toBe('font/woff2');
    expect(mimeTypeOf('sample/township.geojson')).toBe('application/geo+json; charset=utf-8');
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream');
  });
});
