import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp, uniqueEmail } from './support/factories';
import { testRedisUrl } from './support/redis';
import { bearer, createTestEnv, describeEachEngine, json, type TestEnv } from './support/test-env';

const LIMITS = { RATE_LIMIT_ACCOUNT_MAIL_PER_IP: '6', RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS: '2' };
// Both apps of the Redis suite share this prefix, as the processes of one deployment do.
const SHARED = { ...LIMITS, REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: `eventhub-test-${randomUUID()}:` };

function requestReset(env: TestEnv, email: string) {
  return env.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });
}

describeEachEngine(
  'account mail rate limits',
  (env) => {
    it('answers 429 once an address has had its mails, known or not, and once the IP has had its own', async () => {
      const user = await signUp(env());
      const stranger = uniqueEmail('nobody');
      for (const email of [user.user.email, stranger]) {
        for (let i = 0; i < 2; i++) expect((await requestReset(env(), email)).statusCode).toBe(202);
        const limited = await requestReset(env(), email);
        expect(limited.statusCode).toBe(429);
        expect(json(limited)).toMatchObject({ code: 'rate_limited' });
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Six requests so far from this IP (refused ones count): a seventh, for another user, is over its budget.
      const ip = await env().app.inject({
        method: 'POST',
        url: '/api/auth/verify-email/request',
        headers: bearer(user.accessToken),
      });
      expect(ip.statusCode).toBe(429);
    });

    it('limits e-mail change requests per user', async () => {
      const user = await signUp(env());
      const ask = () =>
        env().app.inject({
          method: 'POST',
          url: '/api/auth/email',
          headers: bearer(user.accessToken),
          // Another client than the first test's, whose IP budget is spent.
          remoteAddress: '198.51.100.7',
          payload: { newEmail: uniqueEmail('moving'), currentPassword: user.password },
        });
      expect((await ask()).statusCode).toBe(202);
      expect((await ask()).statusCode).toBe(202);
      expect((await ask()).statusCode).toBe(429);
    });
  },
  { env: LIMITS },
);

// Redis runs with the PostgreSQL suites (CI starts it for that run), as for the other shared limits.
describeEachEngine(
  'account mail rate limits shared through Redis',
  (env) => {
    let other: TestEnv | undefined;
    beforeAll(async () => {
      other = await createTestEnv(env().engine, SHARED);
    });
    afterAll(async () => {
      await other?.app.close();
      await other?.database.dispose();
    });

    it("counts one address's requests on every API process", async () => {
      const email = uniqueEmail('shared');
      expect((await requestReset(env(), email)).statusCode).toBe(202);
      expect((await requestReset(other!, email)).statusCode).toBe(202);
      const limited = await requestReset(env(), email);
      expect(limited.statusCode).toBe(429);
    });
  },
  { engines: ['postgres'], env: SHARED },
);
