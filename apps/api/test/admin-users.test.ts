import { SignJWT } from 'jose';
import { expect, it } from 'vitest';
import { logIn, signInAdmin, signUp, uniqueEmail } from './support/factories';
import { bearer, describeEachEngine, json, TEST_JWT_SECRET } from './support/test-env';

describeEachEngine('admin user management and roles', (env) => {
  it('gives a customer 403 on admin routes, even with a hand-built token claiming admin', async () => {
    const customer = await signUp(env());
    const plain = await env().app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: bearer(customer.accessToken),
    });
    expect(plain.statusCode).toBe(403);
    expect(json(plain).code).toBe('forbidden');

    // Even a correctly signed token that claims `admin` does not help: the role is read from the database.
    const payload = JSON.parse(
      Buffer.from(customer.accessToken.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    const forged = await new SignJWT({ ...payload, role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const res = await env().app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${customer.user.id}`,
      headers: bearer(forged),
      payload: { role: 'admin' },
    });
    expect(res.statusCode).toBe(403);

    const anonymous = await env().app.inject({ method: 'GET', url: '/api/admin/audit-log' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('searches users by e-mail or name and filters by role, with paging', async () => {
    const admin = await signInAdmin(env());
    const tag = `zed${Date.now()}`;
    for (let i = 0; i < 3; i++)
      await signUp(env(), { email: uniqueEmail(`${tag}-${i}`), role: i === 0 ? 'organizer' : 'customer' });
    await signUp(env(), { name: `Name ${tag.toUpperCase()}` });

    const search = await env().app.inject({
      method: 'GET',
      url: `/api/admin/users?q=${tag}&pageSize=2&page=1`,
      headers: bearer(admin.accessToken),
    });
    expect(search.statusCode).toBe(200);
    const page = json<{ items: { email: string }[]; total: number; pageSize: number }>(search);
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);

    const organizers = await env().app.inject({
      method: 'GET',
      url: `/api/admin/users?q=${tag}&role=organizer`,
      headers: bearer(admin.accessToken),
    });
    expect(json<{ total: number }>(organizers).total).toBe(1);

    const wildcard = await env().app.inject({
      method: 'GET',
      url: '/api/admin/users?q=%25',
      headers: bearer(admin.accessToken),
    });
    expect(json<{ total: number }>(wildcard).total).toBe(0);
  });

  it('changes a role, and disabling a user kills its live tokens at once', async () => {
    const admin = await signInAdmin(env());
    const user = await signUp(env());

    const promote = await env().app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.user.id}`,
      headers: bearer(admin.accessToken),
      payload: { role: 'organizer' },
    });
    expect(promote.statusCode).toBe(200);
    expect(json(promote).role).toBe('organizer');
    const meAfterPromotion = await env().app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(user.accessToken),
    });
    expect(json(meAfterPromotion).role).toBe('organizer');

    const disable = await env().app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.user.id}`,
      headers: bearer(admin.accessToken),
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect(json(disable).disabled).toBe(true);

    expect(
      (await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(user.accessToken) }))
        .statusCode,
    ).toBe(401);
    const refresh = await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const login = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.user.email, password: user.password },
    });
    expect(login.statusCode).toBe(401);
    expect(json(login).code).toBe('invalid_credentials');

    await env().app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.user.id}`,
      headers: bearer(admin.accessToken),
      payload: { disabled: false },
    });
    await expect(logIn(env(), user.user.email, user.password)).resolves.toBeTruthy();
  });

  it('refuses to let admins lock themselves out, to mint staff without an organizer, or to touch unknown users', async () => {
    const admin = await signInAdmin(env());
    const self = await env().app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${admin.user.id}`,
      headers: bearer(admin.accessToken),
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(409);
    expect(json(self).code).toBe('cannot_modify_self');

    const user = await signUp(env());
    const staff = await env().app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.user.id}`,
      headers: bearer(admin.accessToken),
      payload: { role: 'staff' },
    });
    expect(staff.statusCode).toBe(400);

    const missing = await env().app.inject({
      method: 'PATCH',
      url: '/api/admin/users/does-not-exist',
      headers: bearer(admin.accessToken),
      payload: { disabled: true },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lets an organizer create and list door staff scoped to itself, and nobody else', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const other = await signUp(env(), { role: 'organizer' });
    const customer = await signUp(env());
    const email = uniqueEmail('door');
    const created = await env().app.inject({
      method: 'POST',
      url: '/api/organizer/staff',
      headers: bearer(organizer.accessToken),
      payload: { email, name: 'Door Dan', password: 'a long door password', role: 'admin' },
    });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({ email, role: 'staff', organizerId: organizer.user.id });

    const mine = await env().app.inject({
      method: 'GET',
      url: '/api/organizer/staff',
      headers: bearer(organizer.accessToken),
    });
    expect(json<{ items: { email: string }[] }>(mine).items.map((s) => s.email)).toEqual([email]);
    const theirs = await env().app.inject({
      method: 'GET',
      url: '/api/organizer/staff',
      headers: bearer(other.accessToken),
    });
    expect(json<{ items: unknown[] }>(theirs).items).toEqual([]);

    const byCustomer = await env().app.inject({
      method: 'POST',
      url: '/api/organizer/staff',
      headers: bearer(customer.accessToken),
      payload: { email: uniqueEmail(), name: 'X', password: 'a long door password' },
    });
    expect(byCustomer.statusCode).toBe(403);

    const staff = await logIn(env(), email, 'a long door password');
    expect(staff.user.role).toBe('staff');
    const staffOnAdmin = await env().app.inject({
      method: 'GET',
      url: '/api/organizer/staff',
      headers: bearer(staff.accessToken),
    });
    expect(staffOnAdmin.statusCode).toBe(403);
  });
});
