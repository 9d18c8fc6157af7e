import { expect, it } from 'vitest';
import { signUp } from './support/factories';
import { describeEachEngine, json } from './support/test-env';

describeEachEngine(
  'login rate limits',
  (env) => {
    it('limits login attempts per IP, and X-Forwarded-For does not reset the budget', async () => {
      const attempt = (headers: Record<string, string> = {}, remoteAddress = '203.0.113.7') =>
        env().app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers,
          payload: { email: `nobody-${Math.random()}@example.test`, password: 'wrong password here' },
        });
      for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(json(limited).code).toBe('rate_limited');

      const spoofed = await attempt({ 'x-forwarded-for': '198.51.100.99' });
      expect(spoofed.statusCode).toBe(429);
      // Another client is not affected.
      expect((await attempt({}, '203.0.113.8')).statusCode).toBe(401);
    });

    it('limits attempts per account across IPs', async () => {
      const user = await signUp(env());
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await env().app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: `192.0.2.${i + 10}`,
          payload: { email: user.user.email, password: 'wrong password here' },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });

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
  {
    env: { RATE_LIMIT_LOGIN_PER_IP: '5', RATE_LIMIT_LOGIN_PER_ACCOUNT: '3', RATE_LIMIT_REGISTER_PER_IP: '3' },
  },
);
