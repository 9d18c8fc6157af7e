import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { signUp, type SignedIn } from './support/factories';
import { describeEachEngine, json, type TestEnv } from './support/test-env';

// Small delays so the suite runs in real time: 3 free failures, then 200, 400, 800 ms (the cap).
const DELAY_MS = 200;
const MAX_DELAY_MS = 800;
const WRONG = 'wrong password here';

function attempt(env: TestEnv, remoteAddress: string, email: string, password: string) {
  return env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { email, password },
  });
}

/** Wrong guesses one after the other, each waiting out the delay the previous failure set. */
async function guessPatiently(env: TestEnv, remoteAddress: string, user: SignedIn, guesses: number) {
  const statuses: number[] = [];
  for (let i = 1; i <= guesses; i++) {
    if (i > 4) await sleep(Math.min(DELAY_MS * 2 ** (i - 5), MAX_DELAY_MS) + 50);
    statuses.push((await attempt(env, remoteAddress, user.user.email, WRONG)).statusCode);
  }
  return statuses;
}

describeEachEngine(
  'login throttling',
  (env) => {
    it('limits login attempts per IP across accounts, and X-Forwarded-For does not reset the budget', async () => {
      const guess = (headers: Record<string, string> = {}, remoteAddress = '203.0.113.7') =>
        env().app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers,
          payload: { email: `nobody-${Math.random()}@example.test`, password: WRONG },
        });
      for (let i = 0; i < 8; i++) expect((await guess()).statusCode).toBe(401);
      const limited = await guess();
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(json(limited).code).toBe('rate_limited');

      const spoofed = await guess({ 'x-forwarded-for': '198.51.100.99' });
      expect(spoofed.statusCode).toBe(429);
      // Another client is not affected.
      expect((await guess({}, '203.0.113.8')).statusCode).toBe(401);
    });

    it("never locks the owner out: after an attacker's guesses, the owner waits at most the cap", async () => {
      const owner = await signUp(env());
      // The attacker's IP may try this account 6 times per 15 minutes: it uses them all.
      expect(await guessPatiently(env(), '203.0.113.10', owner, 6)).toEqual([401, 401, 401, 401, 401, 401]);

      // From a fresh IP, the owner is asked to wait: the cap at most, not 15 minutes.
      const wait = await attempt(env(), '198.51.100.20', owner.user.email, owner.password);
      expect(wait.statusCode).toBe(429);
      expect(json(wait).code).toBe('rate_limited');
      expect(Number(wait.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(wait.headers['retry-after'])).toBeLessThanOrEqual(Math.ceil(MAX_DELAY_MS / 1000));

      await sleep(MAX_DELAY_MS + 50);
      const signedIn = await attempt(env(), '198.51.100.20', owner.user.email, owner.password);
      expect(signedIn.statusCode).toBe(200);
      expect(json(signedIn).accessToken).toBeTruthy();
      // Still the attacker's IP has spent its attempts at this account.
      expect((await attempt(env(), '203.0.113.10', owner.user.email, WRONG)).statusCode).toBe(429);
    });

    it('slows one IP guessing one account: a wait after a few failures, then a cap per 15 minutes', async () => {
      const owner = await signUp(env());
      const ip = '203.0.113.30';
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await attempt(env(), ip, owner.user.email, WRONG)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401]);

      // Inside the wait even the right password is refused, unchecked.
      const early = await attempt(env(), ip, owner.user.email, owner.password);
      expect(early.statusCode).toBe(429);
      expect(json(early).code).toBe('rate_limited');
      expect(Number(early.headers['retry-after'])).toBe(1);

      await sleep(2 * DELAY_MS + 50);
      expect((await attempt(env(), ip, owner.user.email, WRONG)).statusCode).toBe(401);
      await sleep(MAX_DELAY_MS + 50);
      // Six attempts from this IP at this account: the pair's budget is spent for 15 minutes.
      const spent = await attempt(env(), ip, owner.user.email, WRONG);
      expect(spent.statusCode).toBe(429);
      expect(Number(spent.headers['retry-after'])).toBeGreaterThan(60);
      // The owner elsewhere is not held back by that.
      expect((await attempt(env(), '198.51.100.31', owner.user.email, owner.password)).statusCode).toBe(200);
    });

    it('lets no burst of parallel guesses from many IPs past the free failures and one more', async () => {
      const owner = await signUp(env());
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => attempt(env(), `192.0.2.${i + 50}`, owner.user.email, WRONG)),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses).toEqual([...Array(4).fill(401), ...Array(8).fill(429)]);
    });

    it("a successful login clears the account's delay", async () => {
      const owner = await signUp(env());
      const ip = '203.0.113.40';
      for (let i = 0; i < 4; i++)
        expect((await attempt(env(), ip, owner.user.email, WRONG)).statusCode).toBe(401);
      await sleep(DELAY_MS + 50);
      expect((await attempt(env(), ip, owner.user.email, owner.password)).statusCode).toBe(200);
      // Back to the free failures: no wait in between.
      for (let i = 0; i < 3; i++)
        expect((await attempt(env(), ip, owner.user.email, WRONG)).statusCode).toBe(401);
    });
  },
  {
    env: {
      RATE_LIMIT_LOGIN_PER_IP: '8',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '6',
      RATE_LIMIT_LOGIN_FREE_FAILURES: '3',
      RATE_LIMIT_LOGIN_DELAY_MS: String(DELAY_MS),
      RATE_LIMIT_LOGIN_MAX_DELAY_MS: String(MAX_DELAY_MS),
    },
  },
);

describeEachEngine(
  'sign-up rate limits',
  (env) => {
    it('limits sign-ups per IP', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await env().app.inject({
          method: 'POST',
          url: '/api/auth/register',
          remoteAddress: '198.18.0.1',
          payload: {
            email: `rl-${i}-${Date.now()}@example.test`,
            password: 'a perfectly fine password',
            name: 'R',
          },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
    });
  },
  { env: { RATE_LIMIT_REGISTER_PER_IP: '3' } },
);
