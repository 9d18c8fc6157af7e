import { expect, it } from 'vitest';
import { GOOD_PASSWORD, logIn, signUp, uniqueEmail } from './support/factories';
import { bearer, describeEachEngine, json } from './support/test-env';

describeEachEngine('sign-up, login and profile', (env) => {
  it('registers, logs in and reads /me', async () => {
    const email = uniqueEmail();
    const reg = await env().app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, password: GOOD_PASSWORD, name: 'Grace Hopper', role: 'organizer' },
    });
    expect(reg.statusCode).toBe(201);
    const body = json<{
      user: { role: string; email: string };
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
    }>(reg);
    expect(body.user).toMatchObject({ email, role: 'organizer' });
    expect(body.expiresIn).toBe(900);
    expect(body.user).not.toHaveProperty('password_hash');
    expect(reg.cookies.find((c) => c.name === 'eventhub_refresh')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });

    const signedIn = await logIn(env(), email.toUpperCase(), GOOD_PASSWORD);
    const me = await env().app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(signedIn.accessToken),
    });
    expect(me.statusCode).toBe(200);
    expect(json(me)).toMatchObject({ email, name: 'Grace Hopper', role: 'organizer', disabled: false });
  });

  it('answers unknown e-mail and wrong password with the same 401 body', async () => {
    const user = await signUp(env());
    const wrong = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.user.email, password: 'not the right password' },
    });
    const unknown = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: uniqueEmail('nobody'), password: 'not the right password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(json(wrong)).toMatchObject({ code: 'invalid_credentials', status: 401 });
  });

  it('refuses a common password and one out of the 8–128 range', async () => {
    for (const [password, code] of [
      ['password123', 'password_too_common'],
      ['Qwertyuiop', 'password_too_common'],
      ['short', 'validation_failed'],
      ['x'.repeat(129), 'validation_failed'],
    ] as const) {
      const res = await env().app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: uniqueEmail(), password, name: 'P' },
      });
      expect(res.statusCode, password).toBe(400);
      expect(json(res)).toMatchObject({ code, errors: [expect.objectContaining({ field: 'password' })] });
    }
  });

  it('rejects malformed input with per-field errors and takes a duplicate e-mail as 409', async () => {
    const bad = await env().app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'not-an-email', password: GOOD_PASSWORD },
    });
    expect(bad.statusCode).toBe(400);
    const fields = json<{ errors: { field: string }[] }>(bad).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name']));

    const user = await signUp(env());
    const dup = await env().app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: user.user.email, password: GOOD_PASSWORD, name: 'Again' },
    });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).code).toBe('email_taken');

    const notJson = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(json(notJson).code).toBe('malformed_json');
  });

  it('never lets sign-up or a profile update grant a role, organizer or disabled flag', async () => {
    const email = uniqueEmail();
    const asAdmin = await env().app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, password: GOOD_PASSWORD, name: 'Mallory', role: 'admin' },
    });
    expect(asAdmin.statusCode).toBe(400);
    expect(json(asAdmin).code).toBe('validation_failed');
    const stored = await env()
      .ctx.db.selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    expect(stored).toBeUndefined();

    const sneaky = await signUp(env(), { role: 'customer', organizerId: 'x', disabled: true, isAdmin: true });
    expect(sneaky.user).toMatchObject({ role: 'customer' });
    const patch = await env().app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: bearer(sneaky.accessToken),
      payload: { name: 'Renamed', role: 'admin', organizerId: 'someone', disabled: false },
    });
    expect(patch.statusCode).toBe(200);
    expect(json(patch)).toMatchObject({ name: 'Renamed', role: 'customer', organizerId: null });
    const admin = await env().app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: bearer(sneaky.accessToken),
    });
    expect(admin.statusCode).toBe(403);
  });

  it('logout revokes the login at once: its refresh token and its access token', async () => {
    const user = await signUp(env());
    const out = await env().app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer(user.accessToken),
      payload: { refreshToken: user.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    const me = await env().app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(user.accessToken),
    });
    expect(me.statusCode).toBe(401);
    const refresh = await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('refreshes from the httpOnly cookie when the body has no token', async () => {
    const user = await signUp(env());
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { eventhub_refresh: user.refreshToken },
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect(json<{ refreshToken: string }>(res).refreshToken).not.toBe(user.refreshToken);
  });
});
