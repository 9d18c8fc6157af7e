import { expect, it } from 'vitest';
import { describeEachEngine, json } from './support/test-env';

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
