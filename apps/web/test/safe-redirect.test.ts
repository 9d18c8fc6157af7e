import { describe, expect, it } from 'vitest';
import { afterSignInPath, safeRedirectPath } from '../lib/safe-redirect';

const ORIGIN = 'http://localhost:3000';

describe('safeRedirectPath', () => {
  it.each([
    ['/account/orders?x=1#y', '/account/orders?x=1#y'],
    ['/events/abc', '/events/abc'],
    ['/admin/users?q=a%20b', '/admin/users?q=a%20b'],
    ['/checkout/123', '/checkout/123'],
    // A relative path resolves against our origin and stays on it.
    ['account', '/account'],
    ['?page=2', '/?page=2'],
    // Our own absolute URL is kept, as a path.
    ['http://localhost:3000/account?x=1#y', '/account?x=1#y'],
    // Not decoded by anyone before us: a path on this site with an odd name, not another host.
    ['/%09/x', '/%09/x'],
    ['/%0A/x', '/%0A/x'],
    ['/%2F%2Fx', '/%2F%2Fx'],
    // Same scheme, no host: the browser reads it as a relative path too.
    ['http:x', '/x'],
  ])('follows %j to %j', (next, expected) => {
    expect(safeRedirectPath(next, ORIGIN)).toBe(expected);
  });

  it.each([
    // What URLSearchParams hands over for ?next=/%09/x and ?next=/%0A/x: browsers strip the tab
    // and newline, leaving //x.
    '/\t/x',
    '/\n/x',
    '/\r\n/x',
    '//x',
    '//x/account',
    'https://x',
    'https://x/account',
    'http://x',
    '/\\x',
    '/\\\\x',
    '\\\\x',
    '\\/x',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '  //x',
    '\t//x',
    'http://localhost:3000@evil.com',
    'http://localhost:3000@evil.com/account',
    'http://localhost:3001/account',
    'https://localhost:3000/account',
    'https:/x',
    // Resolves to the path //x, which read again is another host.
    '/.//x',
    '/a/..//x',
    '',
    null,
    undefined,
  ])('sends %j home', (next) => {
    expect(safeRedirectPath(next, ORIGIN)).toBe('/');
  });

  it('never returns anything that leaves the origin', () => {
    const samples = ['/\t/x', '/%09/x', '//x', '/.//x', 'https://x', '/ok?next=//x#//y', '/\\x'];
    for (const next of samples) {
      const target = safeRedirectPath(next, ORIGIN);
      expect(target.startsWith('/'), next).toBe(true);
      expect(new URL(target, ORIGIN).origin, next).toBe(ORIGIN);
    }
  });
});

describe('afterSignInPath', () => {
  it('goes to the account without a next parameter', () => {
    expect(afterSignInPath('', ORIGIN)).toBe('/account');
    expect(afterSignInPath('?other=1', ORIGIN)).toBe('/account');
  });

  it('follows a next path on this site, decoded as the browser sends it', () => {
    expect(afterSignInPath('?next=%2Faccount%2Forders%3Fx%3D1%23y', ORIGIN)).toBe('/account/orders?x=1#y');
    expect(afterSignInPath('?next=/admin/users', ORIGIN)).toBe('/admin/users');
  });

  it('sends anything else home', () => {
    expect(afterSignInPath('?next=/%09/example.org', ORIGIN)).toBe('/');
    expect(afterSignInPath('?next=/%0A/example.org', ORIGIN)).toBe('/');
    expect(afterSignInPath('?next=%2F%2Fexample.org', ORIGIN)).toBe('/');
    expect(afterSignInPath('?next=https://example.org', ORIGIN)).toBe('/');
    expect(afterSignInPath('?next=', ORIGIN)).toBe('/');
  });
});
