import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../shared/security/csp';

const CHARSET_META = /<meta\s+charset=["']?utf-8["']?\s*\/?>/i;

/**
 * index.html with the one CSP of shared/security/csp.ts as a `<meta>` right after `<meta charset>`, before any
 * script or style the build adds. Throws when the page keeps a Content-Security-Policy of its own (two hand-kept
 * copies drift apart) or has no `<meta charset="UTF-8">` to place it after.
 */
export function withCspMeta(html: string): string {
  if (/http-equiv=["']?content-security-policy/i.test(html)) {
    throw new Error(
      'index.html has a Content-Security-Policy of its own: remove it, shared/security/csp.ts is the one copy',
    );
  }
  if (!CHARSET_META.test(html)) throw new Error('index.html needs <meta charset="UTF-8"> first in <head>');
  if (META_CONTENT_SECURITY_POLICY.includes('"')) throw new Error('the CSP cannot contain a double quote');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`;
  return html.replace(CHARSET_META, (charset) => `${charset}\n    ${meta}`);
}

/**
 * Writes the CSP into index.html at build time, so the page carries the same policy as the headers of the
 * app:// protocol and the web server (a `<meta>` policy also holds where no header is sent).
 */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'griddesk-csp',
    transformIndexHtml: { order: 'pre', handler: (html) => withCspMeta(html) },
  };
}
