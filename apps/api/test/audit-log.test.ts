import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { GOOD_PASSWORD, signInAdmin, signUp, uniqueEmail } from './support/factories';
import { bearer, describeEachEngine, json } from './support/test-env';

interface Entry {
  action: string;
  actorId: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

describeEachEngine('audit log', (env) => {
  it('records every sensitive identity action, readable by admins, with no secret in it', async () => {
    const admin = await signInAdmin(env());
    const email = uniqueEmail('audited');
    const user = await signUp(env(), { email });
    await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'wrong password!!' },
    });
    await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: GOOD_PASSWORD },
    });
    const rotated = await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    expect(rotated.statusCode).toBe(200);
    await env().app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    for (const payload of [{ role: 'organizer' }, { disabled: true }]) {
      await env().app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${user.user.id}`,
        headers: bearer(admin.accessToken),
        payload,
      });
    }

    const res = await env().app.inject({
      method: 'GET',
      url: `/api/admin/audit-log?pageSize=100`,
      headers: bearer(admin.accessToken),
    });
    expect(res.statusCode).toBe(200);
    const entries = json<{ items: Entry[] }>(res).items.filter(
      (e) => e.targetId === user.user.id || e.actorId === user.user.id,
    );
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.registered',
        'auth.login_failed',
        'auth.login_succeeded',
        'auth.refresh_token_reused',
        'user.role_changed',
        'user.disabled',
      ]),
    );
    const roleChange = entries.find((e) => e.action === 'user.role_changed')!;
    expect(roleChange).toMatchObject({
      actorId: admin.user.id,
      details: { from: 'customer', to: 'organizer' },
    });
    expect(entries.find((e) => e.action === 'auth.login_failed')?.ip).toBe('127.0.0.1');

    // Nothing secret anywhere in the whole log.
    const everything = JSON.stringify(await env().ctx.db.selectFrom('audit_log').selectAll().execute());
    for (const secret of [
      GOOD_PASSWORD,
      'wrong password!!',
      user.refreshToken,
      user.accessToken,
      admin.accessToken,
      json<{ refreshToken: string }>(rotated).refreshToken,
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/\$argon2/);
  });

  it('filters by action and actor and is append-only in the database', async () => {
    const admin = await signInAdmin(env());
    const user = await signUp(env());
    const byAction = await env().app.inject({
      method: 'GET',
      url: `/api/admin/audit-log?action=user.registered&actorId=${user.user.id}`,
      headers: bearer(admin.accessToken),
    });
    const items = json<{ items: Entry[]; total: number }>(byAction);
    expect(items.total).toBe(1);
    expect(items.items[0]).toMatchObject({ action: 'user.registered', actorId: user.user.id });

    const future = await env().app.inject({
      method: 'GET',
      url: `/api/admin/audit-log?from=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`,
      headers: bearer(admin.accessToken),
    });
    expect(json<{ total: number }>(future).total).toBe(0);

    await expect(sql`update audit_log set action = 'tampered'`.execute(env().ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(env().ctx.db)).rejects.toThrow(/append-only/);
  });
});
