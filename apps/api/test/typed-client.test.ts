import { ApiError, createApi } from '@eventhub/client';
import { beforeAll, expect, it } from 'vitest';
import { GOOD_PASSWORD, signInAdmin, uniqueEmail } from './support/factories';
import { describeEachEngine } from './support/test-env';

describeEachEngine('typed client against a live server on loopback', (env) => {
  let baseUrl = '';
  beforeAll(async () => {
    await env().app.listen({ port: 0, host: '127.0.0.1' });
    const address = env().app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });

  it('signs up, reads /me with the access token and surfaces problems as ApiError', async () => {
    const session: { token?: string } = {};
    const api = createApi({ baseUrl, getAccessToken: () => session.token });
    const email = uniqueEmail('client');
    const result = await api.auth.register({ email, password: GOOD_PASSWORD, name: 'Client User' });
    session.token = result.accessToken;
    const me = await api.auth.me();
    expect(me.email).toBe(email);

    const failure = await api.auth.login({ email, password: 'wrong password 123' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 401, code: 'invalid_credentials' });

    const forbidden = await api.admin.users.list().catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ status: 403, code: 'forbidden' });
    await api.auth.logout({ refreshToken: result.refreshToken });
    await expect(api.auth.me()).rejects.toMatchObject({ status: 401 });
  });

  it('drives the admin resources', async () => {
    const admin = await signInAdmin(env());
    const api = createApi({ baseUrl, getAccessToken: () => admin.accessToken });
    const page = await api.admin.users.list({ q: admin.user.email });
    expect(page.items.map((u) => u.id)).toEqual([admin.user.id]);
    const log = await api.admin.auditLog.list({ action: 'auth.login_succeeded', actorId: admin.user.id });
    expect(log.total).toBeGreaterThanOrEqual(1);
  });
});
