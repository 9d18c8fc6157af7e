import { expect, it } from 'vitest';
import { linkToken, mailsTo } from './support/account-mail';
import { GOOD_PASSWORD, logIn, signInAdmin, signUp, uniqueEmail } from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

const NEW_PASSWORD = 'a fresh and long passphrase';
const HOUR = 3600_000;

function requestReset(env: TestEnv, email: string) {
  return env.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });
}

function reset(env: TestEnv, token: string, password = NEW_PASSWORD) {
  return env.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, password } });
}

async function resetToken(env: TestEnv, email: string): Promise<string> {
  const res = await requestReset(env, email);
  expect(res.statusCode).toBe(202);
  return linkToken(env, email, 'reset-password');
}

function expectInvalidToken(res: { statusCode: number; json: () => unknown }) {
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ code: 'invalid_token', status: 400 });
}

describeEachEngine(
  'password reset',
  (env) => {
    it('answers known and unknown addresses alike, and mails only the known one', async () => {
      const user = await signUp(env());
      const stranger = uniqueEmail('nobody');
      const before = (await mailsTo(env(), user.user.email)).length;

      const known = await requestReset(env(), user.user.email.toUpperCase());
      const unknown = await requestReset(env(), stranger);
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(known.body).toBe(unknown.body);
      expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(json(known)).toEqual({ accepted: true });

      const mails = await mailsTo(env(), user.user.email);
      expect(mails).toHaveLength(before + 1);
      expect(mails.at(-1)!.subject).toBe('Reset your EventHub password');
      expect(mails.at(-1)!.text).toContain(`${env().config.publicUrl}/reset-password?token=`);
      expect(await mailsTo(env(), stranger)).toEqual([]);
    });

    it('sets the new password, revokes every session, and works only once', async () => {
      const user = await signUp(env());
      const second = await logIn(env(), user.user.email, GOOD_PASSWORD);
      const token = await resetToken(env(), user.user.email);

      const done = await reset(env(), token);
      expect(done.statusCode).toBe(204);

      // Every session is gone: refresh tokens and access tokens of both logins.
      for (const session of [user, second]) {
        const refresh = await env().app.inject({
          method: 'POST',
          url: '/api/auth/refresh',
          payload: { refreshToken: session.refreshToken },
        });
        expect(refresh.statusCode).toBe(401);
        const me = await env().app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: bearer(session.accessToken),
        });
        expect(me.statusCode).toBe(401);
      }
      const old = await env().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.user.email, password: GOOD_PASSWORD },
      });
      expect(old.statusCode).toBe(401);
      await logIn(env(), user.user.email, NEW_PASSWORD);

      expectInvalidToken(await reset(env(), token, 'yet another long passphrase'));
      await logIn(env(), user.user.email, NEW_PASSWORD);
      const notice = (await mailsTo(env(), user.user.email)).at(-1)!;
      expect(notice.subject).toBe('Your EventHub password was changed');
    });

    it('expires after one hour', async () => {
      const user = await signUp(env());
      const token = await resetToken(env(), user.user.email);
      env().clock.advance(HOUR + 1000);
      expectInvalidToken(await reset(env(), token));

      const fresh = await resetToken(env(), user.user.email);
      env().clock.advance(HOUR - 60_000);
      expect((await reset(env(), fresh)).statusCode).toBe(204);
      await logIn(env(), user.user.email, NEW_PASSWORD);
    });

    it('refuses a token nobody issued, and a weak password without spending the token', async () => {
      expectInvalidToken(await reset(env(), 'not-a-token-we-ever-mailed'));

      const user = await signUp(env());
      const token = await resetToken(env(), user.user.email);
      const weak = await reset(env(), token, 'password123');
      expect(weak.statusCode).toBe(400);
      expect(json(weak)).toMatchObject({ code: 'password_too_common' });
      expect((await reset(env(), token)).statusCode).toBe(204);
    });

    it('dies once the password is changed another way', async () => {
      const user = await signUp(env());
      const token = await resetToken(env(), user.user.email);
      const changed = await env().app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: bearer(user.accessToken),
        payload: { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD },
      });
      expect(changed.statusCode).toBe(204);
      expectInvalidToken(await reset(env(), token, 'the attacker would like this one'));
    });

    it('writes audit entries for the request and the reset, never the token', async () => {
      const user = await signUp(env());
      const stranger = uniqueEmail('ghost');
      await requestReset(env(), stranger);
      const token = await resetToken(env(), user.user.email);
      expect((await reset(env(), token)).statusCode).toBe(204);

      const admin = await signInAdmin(env());
      const read = async (action: string) =>
        json<{ items: { actorId: string | null; targetId: string | null; details: object }[] }>(
          await env().app.inject({
            method: 'GET',
            url: `/api/admin/audit-log?action=${action}&pageSize=100`,
            headers: bearer(admin.accessToken),
          }),
        ).items;
      const requested = await read('auth.password_reset_requested');
      expect(requested).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actorId: null, details: { email: stranger, mailed: false } }),
          expect.objectContaining({
            targetId: user.user.id,
            details: { email: user.user.email, mailed: true },
          }),
        ]),
      );
      const completed = await read('auth.password_reset_completed');
      expect(completed.map((e) => e.targetId)).toContain(user.user.id);
      expect(JSON.stringify([...requested, ...completed])).not.toContain(token);
    });
  },
  { env: { RATE_LIMIT_ACCOUNT_MAIL_PER_IP: '100000' } },
);
