import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { problem, sendProblem } from './problem';

declare module 'fastify' {
  interface FastifyInstance {
    /** What /metrics reports, also read by the internal listener (`listenForMetrics`). */
    metricsRegistry: Registry;
  }
}

export interface MetricsListenOptions {
  port: number;
  host: string;
  token: string | undefined;
}

/** Hashing both sides first makes the comparison constant-time whatever the lengths. */
function tokenMatches(authorization: string | undefined, token: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${token}`));
}

async function answerMetrics(
  registry: Registry,
  token: string | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (token !== undefined && !tokenMatches(request.headers.authorization, token)) {
    return sendProblem(reply, problem(401, 'unauthenticated', 'Metrics need the METRICS_TOKEN bearer token'));
  }
  reply.type(registry.contentType);
  return registry.metrics();
}

/**
 * Prometheus metrics: process defaults plus request durations by route and status, served at
 * /metrics on the public port unless `internalPort` (METRICS_PORT) says `listenForMetrics` serves
 * them instead. Without a token the endpoint is open, which the configuration allows only in
 * local mode or on the internal port.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, opts: { token: string | undefined; internalPort: boolean }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    app.decorate('metricsRegistry', registry);

    app.addHook('onResponse', (request, reply, done) => {
      // The route pattern, never the raw URL, keeps label cardinality bounded.
      const route = request.routeOptions.url ?? 'unmatched';
      duration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });

    // On the internal port only: the public one then answers as for any unknown path.
    if (!opts.internalPort)
      app.get('/metrics', { schema: { hide: true } }, async (request, reply) =>
        answerMetrics(registry, opts.token, request, reply),
      );
  },
);

/**
 * METRICS_PORT: serves `app`'s metrics on their own listener (loopback by default). Returns the
 * listener, to be closed with the app.
 */
export async function listenForMetrics(
  app: FastifyInstance,
  { port, host, token }: MetricsListenOptions,
): Promise<FastifyInstance> {
  const registry = app.metricsRegistry;
  const internal = Fastify({ logger: false });
  internal.get('/metrics', async (request, reply) => answerMetrics(registry, token, request, reply));
  await internal.listen({ port, host });
  return internal;
}
