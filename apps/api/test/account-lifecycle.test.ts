import { expect, it } from 'vitest';
import { linkToken, mailsTo } from './support/account-mail';
import {
  GOOD_PASSWORD,
  logIn,
  makePublishedEvent,
  signUp,
  uniqueEmail,
  type SignedIn,
} from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

const NEW_PASSWORD = 'a fresh and long passphrase';
const DAY = 86_400_000;

function post(env: TestEnv, url: string, payload?: object, token?: string) {
  return env.app.inject({
    method: 'POST',
    url,
    ...(payload ? { payload } : {}),
    ...(token ? { headers: bearer(token) } : {}),
  });
}

const verify = (env: TestEnv, token: string) => post(env, '/api/auth/verify-email', { token });

async function me(env: TestEnv, user: SignedIn) {
  const res = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(user.accessToken) });
  expect(res.statusCode).toBe(200);
  return json<{ email: string; emailVerified: boolean }>(res);
}

function expectInvalidToken(res: { statusCode: number; json: () => unknown }) {
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ code: 'invalid_token' });
}

describeEachEngine(
  'account life cycle',
  (env) => {
    it('mails a verification link at sign-up that verifies the address once', async () => {
      const user = await signUp(env());
      expect(user.user).toMatchObject({ emailVerified: false });
      const [mail] = await mailsTo(env(), user.user.email);
      expect(mail!.subject).toBe('Confirm your e-mail address');
      const token = await linkToken(env(), user.user.email, 'verify-email');

      const done = await verify(env(), token);
      expect(done.statusCode).toBe(200);
      expect(json(done)).toMatchObject({ id: user.user.id, email: user.user.email, emailVerified: true });
      expect(await me(env(), user)).toMatchObject({ emailVerified: true });
      expectInvalidToken(await verify(env(), token));
      expectInvalidToken(await verify(env(), 'made-up-token'));
    });

    it('mails a fresh link on request, good for 24 hours', async () => {
      const user = await signUp(env());
      const asked = await post(env(), '/api/auth/verify-email/request', undefined, user.accessToken);
      expect(asked.statusCode).toBe(202);
      expect(await mailsTo(env(), user.user.email)).toHaveLength(2);
      const token = await linkToken(env(), user.user.email, 'verify-email');
      env().clock.advance(DAY + 1000);
      expectInvalidToken(await verify(env(), token));

      const again = await logIn(env(), user.user.email, GOOD_PASSWORD);
      expect(
        (await post(env(), '/api/auth/verify-email/request', undefined, again.accessToken)).statusCode,
      ).toBe(202);
      const fresh = await linkToken(env(), user.user.email, 'verify-email');
      env().clock.advance(DAY - 60_000);
      expect((await verify(env(), fresh)).statusCode).toBe(200);
      // Verified: asking again is answered alike but mails nothing.
      const later = await logIn(env(), user.user.email, GOOD_PASSWORD);
      const count = (await mailsTo(env(), user.user.email)).length;
      expect(
        (await post(env(), '/api/auth/verify-email/request', undefined, later.accessToken)).statusCode,
      ).toBe(202);
      expect(await mailsTo(env(), user.user.email)).toHaveLength(count);
    });

    it("brings the address's guest orders into the account once it is verified", async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer, { name: 'Guest Gala' });
      const email = uniqueEmail('guest');
      const guest = await post(env(), '/api/orders', {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
        buyer: { email, name: 'Gus Guest' },
      });
      expect(guest.statusCode, guest.body).toBe(201);
      const orderId = json<{ id: string }>(guest).id;

      const user = await signUp(env(), { email });
      const listed = async () =>
        json<{ items: { id: string }[] }>(
          await env().app.inject({ method: 'GET', url: '/api/orders', headers: bearer(user.accessToken) }),
        ).items.map((o) => o.id);
      // Typing an address at sign-up proves nothing: the orders wait for the link.
      expect(await listed()).not.toContain(orderId);
      expect((await verify(env(), await linkToken(env(), email, 'verify-email'))).statusCode).toBe(200);
      expect(await listed()).toContain(orderId);
    });

    it('changes the password: a wrong current one is refused, other sessions end, this one stays', async () => {
      const user = await signUp(env());
      const other = await logIn(env(), user.user.email, GOOD_PASSWORD);
      const change = (currentPassword: string, newPassword = NEW_PASSWORD) =>
        post(env(), '/api/auth/password', { currentPassword, newPassword }, user.accessToken);

      const wrong = await change('not my password');
      expect(wrong.statusCode).toBe(400);
      expect(json(wrong)).toMatchObject({
        code: 'invalid_credentials',
        errors: [{ field: 'currentPassword', message: 'is wrong' }],
      });
      const weak = await change(GOOD_PASSWORD, 'password123');
      expect(json(weak)).toMatchObject({ code: 'password_too_common', errors: [{ field: 'newPassword' }] });
      expect((await change(GOOD_PASSWORD)).statusCode).toBe(204);

      const otherRefresh = await post(env(), '/api/auth/refresh', { refreshToken: other.refreshToken });
      expect(otherRefresh.statusCode).toBe(401);
      const otherMe = await env().app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: bearer(other.accessToken),
      });
      expect(otherMe.statusCode).toBe(401);
      expect(await me(env(), user)).toMatchObject({ email: user.user.email });
      expect((await post(env(), '/api/auth/refresh', { refreshToken: user.refreshToken })).statusCode).toBe(
        200,
      );
      await logIn(env(), user.user.email, NEW_PASSWORD);
      expect((await mailsTo(env(), user.user.email)).at(-1)!.subject).toBe(
        'Your EventHub password was changed',
      );
    });

    it('changes the e-mail only once the new address confirms it', async () => {
      const user = await signUp(env());
      const newEmail = uniqueEmail('moved');
      const wrong = await post(
        env(),
        '/api/auth/email',
        { newEmail, currentPassword: 'not my password' },
        user.accessToken,
      );
      expect(json(wrong)).toMatchObject({ code: 'invalid_credentials' });
      const asked = await post(
        env(),
        '/api/auth/email',
        { newEmail, currentPassword: GOOD_PASSWORD },
        user.accessToken,
      );
      expect(asked.statusCode).toBe(202);
      expect(await me(env(), user)).toMatchObject({ email: user.user.email });
      await logIn(env(), user.user.email, GOOD_PASSWORD);
      const [mail] = await mailsTo(env(), newEmail);
      expect(mail!.subject).toBe('Confirm your new e-mail address');

      const confirmed = await verify(env(), await linkToken(env(), newEmail, 'verify-email'));
      expect(confirmed.statusCode).toBe(200);
      expect(json(confirmed)).toMatchObject({ email: newEmail, emailVerified: true });
      expect(await me(env(), user)).toMatchObject({ email: newEmail, emailVerified: true });
      await logIn(env(), newEmail, GOOD_PASSWORD);
      const old = await post(env(), '/api/auth/login', { email: user.user.email, password: GOOD_PASSWORD });
      expect(old.statusCode).toBe(401);
      expect((await mailsTo(env(), user.user.email)).at(-1)!.subject).toBe(
        'Your EventHub e-mail address was changed',
      );
      // The sign-up link went to the old address: it speaks for it no more.
      expectInvalidToken(await verify(env(), await linkToken(env(), user.user.email, 'verify-email')));
    });

    it('refuses an address another account has, when asked and when confirmed', async () => {
      const user = await signUp(env());
      const taken = await signUp(env());
      const asked = await post(
        env(),
        '/api/auth/email',
        { newEmail: taken.user.email.toUpperCase(), currentPassword: GOOD_PASSWORD },
        user.accessToken,
      );
      expect(asked.statusCode).toBe(409);
      expect(json(asked)).toMatchObject({ code: 'email_taken' });

      const wanted = uniqueEmail('wanted');
      await post(
        env(),
        '/api/auth/email',
        { newEmail: wanted, currentPassword: GOOD_PASSWORD },
        user.accessToken,
      );
      const token = await linkToken(env(), wanted, 'verify-email');
      await signUp(env(), { email: wanted });
      const late = await verify(env(), token);
      expect(late.statusCode).toBe(409);
      expect(json(late)).toMatchObject({ code: 'email_taken' });
      expect(await me(env(), user)).toMatchObject({ email: user.user.email });
    });

    it('writes an audit entry for each step', async () => {
      const user = await signUp(env());
      await post(env(), '/api/auth/verify-email/request', undefined, user.accessToken);
      await verify(env(), await linkToken(env(), user.user.email, 'verify-email'));
      await post(
        env(),
        '/api/auth/password',
        { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD },
        user.accessToken,
      );
      const newEmail = uniqueEmail('audited');
      await post(env(), '/api/auth/email', { newEmail, currentPassword: NEW_PASSWORD }, user.accessToken);
      await verify(env(), await linkToken(env(), newEmail, 'verify-email'));

      const rows = await env()
        .ctx.db.selectFrom('audit_log')
        .select(['action', 'details'])
        .where('target_id', '=', user.user.id)
        .orderBy('id')
        .execute();
      expect(rows.map((r) => r.action)).toEqual(
        expect.arrayContaining([
          'user.email_verification_requested',
          'user.email_verified',
          'user.password_changed',
          'user.email_change_requested',
          'user.email_changed',
        ]),
      );
      expect(rows.find((r) => r.action === 'user.email_changed')!.details).toBe(
        JSON.stringify({ from: user.user.email, to: newEmail }),
      );
    });
  },
  { env: { RATE_LIMIT_ACCOUNT_MAIL_PER_IP: '100000', RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS: '100000' } },
);
