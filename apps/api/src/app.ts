import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Mailer } from '@eventhub/core';
import { startBackgroundWork, type BackgroundWork } from './background/worker';
import { createMailer } from './mail/mailer';
import { devMailboxRoutes } from './routes/dev-mailbox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { orderDeps, type AppContext } from './context';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { metricsPlugin } from './plugins/metrics';
import { openapiPlugin } from './plugins/openapi';
import { publicCachePlugin } from './plugins/public-cache';
import { securityHeadersPlugin } from './plugins/security-headers';
import { installValidators } from './plugins/validators';
import { idempotencyPlugin } from './plugins/idempotency';
import { livePlugin } from './live/live-plugin';
import { RateLimits } from './plugins/rate-limits';
import { sharedRedisPlugin } from './redis';
import { adminUserRoutes } from './routes/admin-users';
import { analyticsRoutes } from './routes/analytics';
import { accountRoutes } from './routes/account';
import { authRoutes } from './routes/auth';
import { eventCatalogueRoutes } from './routes/event-catalogue';
import { eventImageRoutes } from './routes/event-image';
import { eventRoutes } from './routes/events';
import { checkinRoutes } from './routes/checkin';
import { liveStreamRoutes } from './routes/live-streams';
import { orderLookupRoutes } from './routes/order-lookup';
import { orderRoutes } from './routes/orders';
import { refundRoutes } from './routes/refunds';
import { ticketHolderRoutes } from './routes/ticket-holders';
import { stripeWebhookRoutes } from './routes/stripe-webhook';
import { healthRoutes } from './routes/health';
import { organizerStaffRoutes } from './routes/organizer-staff';
import { invoiceRoutes } from './routes/invoices';
import { questionRoutes } from './routes/questions';
import type { TypedApp } from './typed-app';

// Never written to logs: credentials in headers and any token or password field in a logged object.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.cardNumber',
  '*.cvc',
];

// The API's responses (JSON, images, PDFs) load nothing and run nothing. The web app's pages get
// their own policy, with a per-request script nonce, from Next (apps/web/proxy.ts); Swagger UI
// at /api/docs sets its own.
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
  },
};

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Defaults to SMTP (SMTP_URL) or .eml files in DATA_DIR/outbox. */
  mailer?: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    background: BackgroundWork;
  }
}

/** Builds the API (without listening), so tests can drive it with `inject` on any engine. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<TypedApp> {
  const { config } = ctx;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, redact: { paths: REDACT, censor: '[redacted]' } },
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  installValidators(app);

  // Hooks on the hot path use callbacks, not async functions: no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin, {
    helmet: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false },
  });
  // CORS is off unless origins are allow-listed: the web app is same-origin and needs none.
  if (config.corsOrigins.length > 0)
    await app.register(cors, { origin: config.corsOrigins, credentials: true });
  await app.register(cookie);
  await app.register(authPlugin, { ctx });
  await app.register(openapiPlugin, { publicUrl: config.publicUrl });
  await app.register(metricsPlugin, {
    token: config.metricsToken,
    internalPort: config.metricsPort !== undefined,
  });
  await app.register(publicCachePlugin, { ttlMs: config.publicCacheTtlMs });
  await app.register(sharedRedisPlugin, { config });
  await app.register(livePlugin, { ctx });

  const limits = new RateLimits(config.rateLimits, app.sharedRedis);
  await app.register(healthRoutes, { ctx });
  await app.register(authRoutes, { ctx, limits });
  await app.register(accountRoutes, { ctx, limits });
  await app.register(adminUserRoutes, { ctx });
  await app.register(organizerStaffRoutes, { ctx, limits });
  await app.register(invoiceRoutes, { ctx });
  const orders = orderDeps(ctx);
  const background = startBackgroundWork(
    ctx,
    orders,
    options.mailer ?? createMailer(config, ctx.db),
    app.log,
  );
  app.decorate('background', background);
  app.addHook('onClose', () => background.stop());
  // The one place committed changes reach their listeners: what anonymous readers see (the
  // public cache), the live streams, and the background worker (outbox and refunds).
  ctx.afterCommit.connect({
    eventChanged: (eventId) => {
      app.publicCache.clear();
      app.live.publish(eventId);
    },
    mailQueued: () => background.kick(),
    refundQueued: () => background.kick(),
  });
  await app.register(eventRoutes, { ctx, orders });
  await app.register(eventCatalogueRoutes, { ctx });
  await app.register(eventImageRoutes, { ctx });
  await app.register(questionRoutes, { ctx });
  await app.register(idempotencyPlugin, { ctx });
  await app.register(orderRoutes, { ctx, orders });
  await app.register(orderLookupRoutes, { orders, limits });
  await app.register(ticketHolderRoutes, { orders });
  await app.register(refundRoutes, { ctx, orders });
  await app.register(checkinRoutes, { ctx });
  await app.register(liveStreamRoutes);
  await app.register(analyticsRoutes, { ctx });
  if (ctx.stripe && config.stripeWebhookSecret) {
    await app.register(stripeWebhookRoutes, {
      ctx,
      orders,
      stripe: ctx.stripe,
      secret: config.stripeWebhookSecret,
    });
  }
  if (config.mode === 'local' && !config.smtpUrl) await app.register(devMailboxRoutes, { ctx });
  return app;
}
