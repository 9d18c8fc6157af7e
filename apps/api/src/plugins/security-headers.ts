import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's responses carry their own Content-Security-Policy: the web app's pages, whose
     * policy holds a fresh script nonce per response (apps/web/proxy.ts). A second policy from
     * here would also be enforced, and block the page's scripts.
     */
    ownContentSecurityPolicy?: boolean;
  }
}

/**
 * Security headers (helmet) on every response, the web app's pages included; the API's
 * Content-Security-Policy on every response but those of routes that bring their own. The
 * middleware is built once: @fastify/helmet rebuilds it, and re-parses the CSP, on every request.
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, opts: { helmet: HelmetOptions }) => {
  const apply = helmet(opts.helmet);
  const applyWithoutPolicy = helmet({ ...opts.helmet, contentSecurityPolicy: false });
  app.addHook('onRequest', (request, reply, done) => {
    const middleware = request.routeOptions.config?.ownContentSecurityPolicy ? applyWithoutPolicy : apply;
    middleware(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
});
