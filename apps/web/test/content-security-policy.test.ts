import { describe, expect, it } from 'vitest';
import { isPaymentPage, newNonce, policySources, webPagePolicy } from '../lib/content-security-policy';

const directive = policySources;

describe('webPagePolicy', () => {
  it('runs scripts by nonce only, never inline, with no Stripe origins outside checkout', () => {
    for (const pathname of ['/', '/events/abc', '/login', '/account/orders', '/checkoutx']) {
      const policy = webPagePolicy({ nonce: 'bm9uY2U=', pathname });
      expect(directive(policy, 'script-src'), pathname).toEqual([
        "'self'",
        "'nonce-bm9uY2U='",
        "'strict-dynamic'",
      ]);
      expect(policy, pathname).not.toContain('stripe');
      expect(policy, pathname).not.toContain('unsafe-eval');
      expect(directive(policy, 'frame-src'), pathname).toEqual(["'self'"]);
    }
  });

  it("lets Stripe's Payment Element in on checkout pages", () => {
    const policy = webPagePolicy({ nonce: 'n', pathname: '/checkout/123' });
    expect(directive(policy, 'script-src')).toEqual(
      expect.arrayContaining(["'nonce-n'", "'strict-dynamic'", 'https://js.stripe.com']),
    );
    expect(directive(policy, 'script-src')).not.toContain("'unsafe-inline'");
    expect(directive(policy, 'frame-src')).toEqual(
      expect.arrayContaining(['https://js.stripe.com', 'https://hooks.stripe.com']),
    );
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://api.stripe.com']);
  });

  it('keeps the other directives on every page', () => {
    for (const pathname of ['/', '/checkout/1']) {
      const policy = webPagePolicy({ nonce: 'n', pathname });
      expect(directive(policy, 'default-src')).toEqual(["'self'"]);
      expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(directive(policy, 'object-src')).toEqual(["'none'"]);
      expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
      expect(directive(policy, 'base-uri')).toEqual(["'self'"]);
      expect(directive(policy, 'form-action')).toEqual(["'self'"]);
    }
  });

  it('allows eval only under next dev, which needs it', () => {
    expect(directive(webPagePolicy({ nonce: 'n', pathname: '/', dev: true }), 'script-src')).toContain(
      "'unsafe-eval'",
    );
  });
});

describe('isPaymentPage', () => {
  it('is true for checkout pages only', () => {
    expect(isPaymentPage('/checkout/1')).toBe(true);
    expect(isPaymentPage('/checkout/1?redirect_status=succeeded')).toBe(true);
    expect(isPaymentPage('/checkout')).toBe(true);
    expect(isPaymentPage('/checkouts')).toBe(false);
    expect(isPaymentPage('/events/checkout/1')).toBe(false);
    expect(isPaymentPage('/')).toBe(false);
  });
});

describe('newNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
