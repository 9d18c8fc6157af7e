import { createHash } from 'node:crypto';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  ConflictError,
  releaseIdempotencyKey,
  ValidationError,
} from '@eventhub/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour the Idempotency-Key header (money-moving POSTs). */
    idempotent?: boolean;
    /**
     * Whose keys these are when nobody is signed in (a guest's e-mail, an order token's hash), so
     * one anonymous caller's key can never replay another's answer.
     */
    anonymousIdempotencyScope?: (request: FastifyRequest) => string | null;
  }
  interface FastifyRequest {
    idempotencyClaim: string | null;
  }
}

/**
 * Idempotency-Key for money-moving routes (API.md): a retry with the same key and body gets the
 * first answer again; the same key with another body is 409 `idempotency_key_reused`.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config?.idempotent) return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw new ValidationError([{ field: 'Idempotency-Key', message: 'must be 1–200 characters' }]);
    }
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const anonymous = request.actor ? null : request.routeOptions.config.anonymousIdempotencyScope?.(request);
    // Without an account, the key itself is what keeps a replay (which may carry an order's token)
    // from strangers: it must be unguessable, like a UUID.
    if (anonymous && key.length < 16)
      throw new ValidationError([
        {
          field: 'Idempotency-Key',
          message: 'without signing in, must be a random value of 16–200 characters',
        },
      ]);
    const claim = await claimIdempotencyKey(opts.ctx, {
      userId: request.actor?.userId ?? anonymous ?? 'anonymous',
      key,
      route: `${request.method} ${request.routeOptions.url}`,
      requestHash,
    });
    if (claim.state === 'mismatch') {
      throw new ConflictError(
        'idempotency_key_reused',
        'This Idempotency-Key was used with a different request',
      );
    }
    if (claim.state === 'in_progress') {
      throw new ConflictError(
        'idempotency_key_in_progress',
        'A request with this Idempotency-Key is still being processed',
      );
    }
    if (claim.state === 'replay') {
      const type = claim.statusCode >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
      return reply.code(claim.statusCode).type(type).header('idempotent-replayed', 'true').send(claim.body);
    }
    request.idempotencyClaim = claim.id;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    if (reply.statusCode >= 500) await releaseIdempotencyKey(opts.ctx, claim);
    else
      await completeIdempotencyKey(
        opts.ctx,
        claim,
        reply.statusCode,
        typeof payload === 'string' ? payload : '',
      );
    return payload;
  });
});
