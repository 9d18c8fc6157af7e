import type { FastifyBaseLogger } from 'fastify';
import { expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { connectSharedRedis } from '../src/redis';
import { describeEachEngine, json } from './support/test-env';

// Nothing listens on port 1 of loopback: every connection is refused at once.
const CLOSED_REDIS = 'redis://127.0.0.1:1';

describeEachEngine(
  'Redis unreachable',
  (env) => {
    it('keeps limiting logins from memory, answering at once rather than waiting for Redis', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const started = Date.now();
        const res = await env().app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '203.0.113.200',
          payload: { email: `nobody-${i}@example.test`, password: 'not the password' },
        });
        expect(Date.now() - started).toBeLessThan(2_000);
        statuses.push(res.statusCode);
        if (res.statusCode === 429) expect(json(res).code).toBe('rate_limited');
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  },
  { env: { REDIS_URL: CLOSED_REDIS, RATE_LIMIT_LOGIN_PER_IP: '3' } },
);

it('says once, as a warning, that limits fell back to memory', async () => {
  const warnings: string[] = [];
  const log = { warn: (_: unknown, message: string) => warnings.push(message), info: () => {} };
  const shared = await connectSharedRedis(
    loadConfig({ REDIS_URL: CLOSED_REDIS }),
    log as unknown as FastifyBaseLogger,
  );
  // Reconnection attempts fail too; they do not repeat the warning.
  await new Promise((r) => setTimeout(r, 700));
  await shared?.close();
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/Redis unreachable.*memory/);
});
