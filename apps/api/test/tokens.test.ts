import { SignJWT, UnsecuredJWT } from 'jose';
import { expect, it } from 'vitest';
import { signUp } from './support/factories';
import { bearer, describeEachEngine, json, TEST_JWT_SECRET, type TestEnv } from './support/test-env';

const key = new TextEncoder().encode(TEST_JWT_SECRET);

async function me(env: TestEnv, token: string) {
  return env.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
}

function refresh(env: TestEnv, refreshToken: string) {
  return env.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
}

describeEachEngine('access and refresh tokens', (env) => {
  it('rotates the refresh token on every refresh', async () => {
    const user = await signUp(env());
    const first = await refresh(env(), user.refreshToken);
    expect(first.statusCode).toBe(200);
    const next = json<{ accessToken: string; refreshToken: string }>(first);
    expect(next.refreshToken).not.toBe(user.refreshToken);
    expect((await me(env(), next.accessToken)).statusCode).toBe(200);
    const second = await refresh(env(), next.refreshToken);
    expect(second.statusCode).toBe(200);
  });

  it('replaying a spent refresh token revokes the whole family, newest token included', async () => {
    const user = await signUp(env());
    const rotated = json<{ accessToken: string; refreshToken: string }>(
      await refresh(env(), user.refreshToken),
    );
    const newest = json<{ accessToken: string; refreshToken: string }>(
      await refresh(env(), rotated.refreshToken),
    );

    const replay = await refresh(env(), user.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(json(replay).code).toBe('refresh_token_reused');

    const afterRevocation = await refresh(env(), newest.refreshToken);
    expect(afterRevocation.statusCode).toBe(401);
    expect((await me(env(), newest.accessToken)).statusCode).toBe(401);

    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.refresh_token_reused')
      .where('actor_id', '=', user.user.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets at most one of many concurrent refreshes with one token succeed', async () => {
    const user = await signUp(env());
    const results = await Promise.all(Array.from({ length: 12 }, () => refresh(env(), user.refreshToken)));
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok.length).toBeLessThanOrEqual(1);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 401)).toBe(true);
  });

  it('refuses tokens with alg none, a wrong key, a wrong audience, a wrong type, or past exp', async () => {
    const user = await signUp(env());
    const claims = { role: 'customer', sid: 'whatever' };
    const now = Math.floor(env().clock.now().getTime() / 1000);
    const { issuer, audience } = env().ctx.auth;
    const sign = (k: Uint8Array, overrides: { aud?: string; typ?: string } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: overrides.typ ?? 'at+jwt' })
        .setSubject(user.user.id)
        .setIssuer(issuer)
        .setAudience(overrides.aud ?? audience)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(k);

    const none = new UnsecuredJWT(claims)
      .setSubject(user.user.id)
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime(now + 600)
      .encode();
    const wrongKey = await sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const wrongAud = await sign(key, { aud: 'someone-else' });
    const wrongType = await sign(key, { typ: 'JWT' });
    for (const [label, token] of Object.entries({
      none,
      wrongKey,
      wrongAud,
      wrongType,
      refresh: user.refreshToken,
    })) {
      const res = await me(env(), token);
      expect(res.statusCode, label).toBe(401);
    }

    // A genuine token stops working once its 15 minutes are over.
    expect((await me(env(), user.accessToken)).statusCode).toBe(200);
    env().clock.advance(15 * 60 * 1000 + 1000);
    const expired = await me(env(), user.accessToken);
    expect(expired.statusCode).toBe(401);
    expect(json(expired).code).toBe('token_expired');
  });

  it('ends a login after its absolute lifetime, however often it was refreshed', async () => {
    const user = await signUp(env());
    let token = user.refreshToken;
    // Refresh every 10 days: well inside the idle window, but the 30-day session cap still applies.
    for (let day = 10; day < 30; day += 10) {
      env().clock.advance(10 * 24 * 3600 * 1000);
      const res = await refresh(env(), token);
      expect(res.statusCode).toBe(200);
      token = json<{ refreshToken: string }>(res).refreshToken;
    }
    env().clock.advance(10 * 24 * 3600 * 1000);
    expect((await refresh(env(), token)).statusCode).toBe(401);
  });

  it('kills a refresh token left idle past its idle lifetime', async () => {
    const user = await signUp(env());
    env().clock.advance(15 * 24 * 3600 * 1000);
    const res = await refresh(env(), user.refreshToken);
    expect(res.statusCode).toBe(401);
    expect(json(res).code).toBe('invalid_refresh_token');
  });
});
