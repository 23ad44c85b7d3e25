import { describe, expect, it } from 'vitest';
import { appOrigin, isExternalLinkAllowed, isNavigationAllowed, isTrustedSender } from '../../electron/main/security.js';
import { contentSecurityPolicy } from '../../shared/csp.js';

describe('IPC sender checks', () => {
  it('answers the app page in its main frame only', () => {
    expect(isTrustedSender({ url: `${appOrigin}/index.html`, parent: null })).toBe(true);
    expect(isTrustedSender({ url: `${appOrigin}/index.html`, parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('navigation and links', () => {
  it('keeps windows on the app and hands only http(s) to the OS browser', () => {
    expect(isNavigationAllowed(`${appOrigin}/index.html#x`)).toBe(true);
    expect(isNavigationAllowed('https://aws.amazon.com/')).toBe(false);
    expect(isExternalLinkAllowed('https://aws.amazon.com/s3/')).toBe(true);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('smb://host/share')).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only the app itself: no inline script, no eval, no remote anything', () => {
    const directives = Object.fromEntries(
      contentSecurityPolicy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });
});
