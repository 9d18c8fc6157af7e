import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { GOOD_PASSWORD, signUp, uniqueEmail } from './support/factories';
import { bearer, describeEachEngine } from './support/test-env';

type Cookie = LightMyRequestResponse['cookies'][number];

function cookie(res: LightMyRequestResponse, name: string): Cookie | undefined {
  return res.cookies.find((c) => c.name === name);
}

/** A Set-Cookie that deletes the cookie: empty, and expired or of no age. */
function isCleared(c: Cookie | undefined): boolean {
  if (!c || c.value !== '') return false;
  return c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
}

const SESSION_TTL_SECONDS = 30 * 24 * 3600;

// The web app reads the script-visible hint to know whether a refresh cookie is there to exchange:
// a visitor who never signed in must not be sent to /api/auth/refresh (a 401 in the console).
describeEachEngine('the refresh cookie and its session hint', (env) => {
  it('signing up or in sets the httpOnly refresh cookie and a script-visible hint with no secret', async () => {
    const email = uniqueEmail();
    const register = await env().app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, password: GOOD_PASSWORD, name: 'Ada Lovelace' },
    });
    const login = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: GOOD_PASSWORD },
    });
    for (const res of [register, login]) {
      const refresh = cookie(res, 'eventhub_refresh');
      expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' });
      expect(refresh?.maxAge).toBe(SESSION_TTL_SECONDS);
      const hint = cookie(res, 'eventhub_signed_in');
      expect(hint).toMatchObject({ value: '1', secure: true, sameSite: 'Strict', path: '/' });
      expect(hint?.httpOnly).toBeFalsy();
      expect(hint?.maxAge).toBe(SESSION_TTL_SECONDS);
    }
  });

  it('a refresh from the cookie renews both', async () => {
    const user = await signUp(env());
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { eventhub_refresh: user.refreshToken, eventhub_signed_in: '1' },
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect(cookie(res, 'eventhub_refresh')?.value).not.toBe(user.refreshToken);
    expect(cookie(res, 'eventhub_signed_in')).toMatchObject({ value: '1', path: '/' });
  });

  it('a refresh without a cookie, or with a spent one, is a 401 that clears both', async () => {
    const none = await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { eventhub_signed_in: '1' },
      payload: {},
    });
    expect(none.statusCode).toBe(401);
    expect(isCleared(cookie(none, 'eventhub_signed_in'))).toBe(true);
    expect(cookie(none, 'eventhub_signed_in')?.path).toBe('/');
    expect(isCleared(cookie(none, 'eventhub_refresh'))).toBe(true);
    expect(cookie(none, 'eventhub_refresh')?.path).toBe('/api/auth');

    const user = await signUp(env());
    const first = await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { eventhub_refresh: user.refreshToken },
      payload: {},
    });
    expect(first.statusCode).toBe(200);
    const spent = await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { eventhub_refresh: user.refreshToken, eventhub_signed_in: '1' },
      payload: {},
    });
    expect(spent.statusCode).toBe(401);
    expect(isCleared(cookie(spent, 'eventhub_refresh'))).toBe(true);
    expect(isCleared(cookie(spent, 'eventhub_signed_in'))).toBe(true);
  });

  it('a bad token in the body leaves the cookies alone', async () => {
    const user = await signUp(env());
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { eventhub_refresh: user.refreshToken, eventhub_signed_in: '1' },
      payload: { refreshToken: 'not-a-real-token' },
    });
    expect(res.statusCode).toBe(401);
    expect(cookie(res, 'eventhub_refresh')).toBeUndefined();
    expect(cookie(res, 'eventhub_signed_in')).toBeUndefined();
  });

  it('logging out clears both', async () => {
    const user = await signUp(env());
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer(user.accessToken),
      cookies: { eventhub_refresh: user.refreshToken, eventhub_signed_in: '1' },
      payload: {},
    });
    expect(res.statusCode).toBe(204);
    expect(isCleared(cookie(res, 'eventhub_refresh'))).toBe(true);
    expect(isCleared(cookie(res, 'eventhub_signed_in'))).toBe(true);
    expect(cookie(res, 'eventhub_signed_in')?.path).toBe('/');
  });
});
