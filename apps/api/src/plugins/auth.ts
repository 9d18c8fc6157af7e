import {
  authenticate,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  type Actor,
  type OrderCaller,
  type Role,
} from '@eventhub/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context';
import { identityDeps } from '../context';

/**
 * Every API route declares who may call it: 'public', 'user' (any signed-in user), or a list of
 * roles. A route without a declaration refuses to register, so nothing is public by accident.
 * 'optional': a signed-in user or nobody (guest checkout, holders of an order's token); the route
 * decides, through `orderCallerOf`. Credentials that are sent must be valid (401 tells the client
 * to refresh), unless an order token comes along: that one then stands on its own.
 */
export type AuthRequirement = 'public' | 'user' | 'optional' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match)
    throw new UnauthenticatedError('invalid_token', 'Authorization header must be "Bearer <token>"');
  return match[1];
}

/** The acting user of a route that required one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}

/** The order token of a request: `X-Order-Token`, or `?token=` on a link. */
export function orderTokenOf(request: FastifyRequest): string | null {
  const header = request.headers['x-order-token'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const query = (request.query as { token?: unknown } | undefined)?.token;
  return typeof query === 'string' && query ? query : null;
}

/**
 * Who asks for an order on an 'optional' route: the order token's holder (with the signed-in user,
 * if any), else the signed-in user. Neither is 404, like a wrong token: an order's existence is
 * not told to whoever cannot reach it.
 */
export function orderCallerOf(request: FastifyRequest): OrderCaller {
  const orderToken = orderTokenOf(request);
  if (orderToken) return { orderToken, actor: request.actor };
  if (request.actor) return request.actor;
  throw new NotFoundError('Order');
}

export function requestMeta(request: FastifyRequest): { ip: string; userAgent: string | null } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const auth = route.config?.auth;
    if (auth === undefined)
      throw new Error(`Route ${route.method} ${route.url} declares no auth requirement`);
    if (auth === 'optional') {
      route.schema = { ...route.schema, security: [{}, { bearerAuth: [] }, { orderToken: [] }] };
    } else if (auth !== 'public') {
      route.schema = { ...route.schema, security: [{ bearerAuth: [] }] };
    }
  });

  // onRequest: authentication is decided before the body is even parsed.
  app.addHook('onRequest', async (request) => {
    const auth = request.routeOptions.config?.auth;
    if (auth === undefined || (auth === 'public' && !request.headers.authorization)) return;
    const token = bearerToken(request);
    if (auth === 'public') {
      // Public routes still learn who is asking when a valid token comes along (e.g. owners see drafts).
      if (token) request.actor = await authenticate(identityDeps(opts.ctx), token).catch(() => null);
      return;
    }
    if (auth === 'optional') {
      if (!token) return;
      const attempt = authenticate(identityDeps(opts.ctx), token);
      request.actor = orderTokenOf(request) ? await attempt.catch(() => null) : await attempt;
      return;
    }
    if (!token) throw new UnauthenticatedError('unauthenticated', 'Sign in first: no access token was sent');
    request.actor = await authenticate(identityDeps(opts.ctx), token);
    if (auth !== 'user' && !auth.includes(request.actor.role)) throw new ForbiddenError();
  });
});
