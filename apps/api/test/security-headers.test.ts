import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeadersPlugin } from '../src/plugins/security-headers';
import { createTestEnv, type TestEnv } from './support/test-env';

describe('Content-Security-Policy of the API', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
  });
  afterAll(async () => {
    await env.app.close();
    await env.database.dispose();
  });

  it('lets API responses load and run nothing, and not be framed', async () => {
    for (const url of ['/api/events', '/api/nope', '/healthz']) {
      const response = await env.app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy'], url).toBe(
        "default-src 'none';frame-ancestors 'none'",
      );
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it("sends Swagger UI's own policy, and only that one", async () => {
    const ui = await env.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    const policy = ui.headers['content-security-policy'];
    expect(typeof policy).toBe('string');
    expect(policy).toMatch(/^default-src 'self';.* script-src 'self'/);
    expect(policy).not.toContain("default-src 'none'");
  });
});

describe('routes that bring their own Content-Security-Policy', () => {
  const app = Fastify();
  beforeAll(async () => {
    await app.register(securityHeadersPlugin, {
      helmet: { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"] } } },
    });
    // Like the web app's route, where Next writes the response and the page's policy itself.
    app.get('/page', { config: { ownContentSecurityPolicy: true } }, async (_request, reply) => {
      reply.hijack();
      reply.raw.end('<p>page</p>');
    });
    app.get('/data', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('get no second policy from the API, but its other security headers', async () => {
    const page = await app.inject({ method: 'GET', url: '/page' });
    // A browser enforces every policy it is sent: one without the page's nonce would block its scripts.
    expect(page.headers['content-security-policy']).toBeUndefined();
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');

    const data = await app.inject({ method: 'GET', url: '/data' });
    expect(data.headers['content-security-policy']).toBe("default-src 'none'");
  });
});
