import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './csp';

const directivesOf = (policy: string): Map<string, string[]> =>
  new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('the content security policy', () => {
  const header = directivesOf(CONTENT_SECURITY_POLICY);
  const meta = directivesOf(META_CONTENT_SECURITY_POLICY);

  it('holds the directives the app needs and no more', () => {
    expect(header.get('default-src')).toEqual(["'self'"]);
    // WebAssembly may compile (sql.js reads GeoPackages); JavaScript eval stays refused.
    expect(header.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(header.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(header.get('connect-src')).toEqual(["'self'", 'app:', 'data:', 'blob:']);
    expect(header.get('object-src')).toEqual(["'none'"]);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows eval, inline script or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(header.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is the same policy in the <meta>, without the directives only a header can carry', () => {
    expect(meta.has('frame-ancestors')).toBe(false);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it('goes out with the referrer, opener and sniffing headers', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
