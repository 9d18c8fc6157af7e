import type { FastifyInstance } from 'fastify';
import { afterAll, expect, it } from 'vitest';
import { listenForMetrics } from '../src/plugins/metrics';
import { compileEverySchema } from '../src/plugins/validators';
import { bearer, describeEachEngine, json } from './support/test-env';

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

describeEachEngine('operations endpoints and the API shell', (env) => {
  it('answers /healthz, /readyz and /metrics', async () => {
    expect(json(await env().app.inject({ method: 'GET', url: '/healthz' }))).toEqual({ status: 'ok' });
    expect(json(await env().app.inject({ method: 'GET', url: '/readyz' }))).toEqual({ status: 'ok' });
    const metrics = await env().app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('http_request_duration_seconds');
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it("compiles every route's validators and serializers (compiled lazily, on first use, in production)", () => {
    // Start-up no longer compiles them (memory); a schema that cannot compile must still fail a test.
    expect(compileEverySchema(env().app)).toBeGreaterThan(100);
  });

  it('serves an OpenAPI 3.1 document covering the identity contract, and Swagger UI', async () => {
    const doc = json<OpenApiDoc>(await env().app.inject({ method: 'GET', url: '/api/openapi.json' }));
    expect(doc.openapi).toBe('3.1.0');
    const expected: [string, string][] = [
      ['/api/auth/register', 'post'],
      ['/api/auth/login', 'post'],
      ['/api/auth/refresh', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/auth/me', 'get'],
      ['/api/admin/users', 'get'],
      ['/api/admin/users/{id}', 'patch'],
      ['/api/admin/audit-log', 'get'],
      ['/api/organizer/staff', 'post'],
      ['/api/organizer/staff', 'get'],
    ];
    for (const [path, method] of expected)
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(doc.paths['/api/auth/me']!.get!.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/auth/login']!.post!.security).toBeUndefined();

    const ui = await env().app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it('answers unknown routes and oversized bodies with problem details, and sets security headers', async () => {
    const missing = await env().app.inject({ method: 'GET', url: '/api/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(json(missing).code).toBe('route_not_found');
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    expect(missing.headers['x-request-id']).toBeTruthy();
    expect(missing.headers['access-control-allow-origin']).toBeUndefined();

    const huge = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(json(huge).code).toBe('payload_too_large');
  });
});

describeEachEngine(
  '/metrics behind METRICS_TOKEN',
  (env) => {
    it('answers 401 without the bearer token or with a wrong one, and 200 with it', async () => {
      const scrape = (headers: Record<string, string> = {}) =>
        env().app.inject({ method: 'GET', url: '/metrics', headers });
      for (const headers of [
        {},
        bearer('wrong-token'),
        bearer('metrics-token-that-is-secret-and-long-x'),
        { authorization: 'metrics-token-that-is-secret-and-long' },
      ]) {
        const refused = await scrape(headers);
        expect(refused.statusCode, JSON.stringify(headers)).toBe(401);
        expect(json(refused).code).toBe('unauthenticated');
        expect(refused.body).not.toContain('http_request_duration_seconds');
      }
      const scraped = await scrape(bearer('metrics-token-that-is-secret-and-long'));
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain('http_request_duration_seconds');
    });
  },
  { env: { METRICS_TOKEN: 'metrics-token-that-is-secret-and-long' } },
);

describeEachEngine(
  '/metrics on an internal port (METRICS_PORT)',
  (env) => {
    let internal: FastifyInstance | undefined;
    afterAll(async () => internal?.close());

    it('serves metrics on the internal listener only: the public app answers 404', async () => {
      const { config } = env();
      internal = await listenForMetrics(env().app, {
        port: config.metricsPort!,
        host: config.metricsHost,
        token: config.metricsToken,
      });
      await env().app.inject({ method: 'GET', url: '/healthz' });

      const publicAnswer = await env().app.inject({ method: 'GET', url: '/metrics' });
      expect(publicAnswer.statusCode).toBe(404);
      expect(json(publicAnswer).code).toBe('route_not_found');
      expect(publicAnswer.body).not.toContain('http_request_duration_seconds');

      const address = internal.server.address();
      if (!address || typeof address === 'string') throw new Error('metrics listener has no port');
      expect(address.address).toBe('127.0.0.1');
      const scraped = await fetch(`http://127.0.0.1:${address.port}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/healthz"/);
      expect((await fetch(`http://127.0.0.1:${address.port}/api/events`)).status).toBe(404);
    });
  },
  // Port 0: any free port, as a test needs; an operator names one.
  { env: { METRICS_PORT: '0' } },
);
