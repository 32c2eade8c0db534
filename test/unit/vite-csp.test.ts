import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { withCspMeta } from '../../scripts/vite-csp';
import { META_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const INDEX_HTML = new URL('../../renderer/index.html', import.meta.url);

describe('the CSP written into index.html at build time', () => {
  it('is the shared policy, right after <meta charset>', async () => {
    const html = withCspMeta(await readFile(INDEX_HTML, 'utf8'));
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g)];
    expect(metas.map((m) => m[1])).toEqual([META_CONTENT_SECURITY_POLICY]);
    expect(html.indexOf('Content-Security-Policy')).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('refuses a page that keeps a CSP of its own, so there is one copy', () => {
    expect(() =>
      withCspMeta(
        `<head><meta charset="UTF-8" /><meta http-equiv="Content-Security-Policy" content="default-src *" /></head>`,
      ),
    ).toThrow(/shared\/security\/csp\.ts/);
  });
});
