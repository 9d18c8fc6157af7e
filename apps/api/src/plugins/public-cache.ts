import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * A micro-cache for anonymous public reads (event listings, event pages, availability): the
 * serialized body is kept for `ttlMs`, and dropped at once whenever any write succeeds in this
 * process. Another API process's writes show up within the TTL. Signed-in callers bypass it,
 * because they may see more (drafts, sales figures).
 */
export class PublicCache {
  private readonly entries = new Map<string, { body: string; expires: number }>();
  // Single flight: concurrent misses of one key share one computation instead of stampeding the database.
  private readonly inflight = new Map<string, Promise<string>>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 5000,
  ) {}

  async serve(
    request: FastifyRequest,
    reply: FastifyReply,
    compute: () => Promise<unknown>,
  ): Promise<FastifyReply> {
    if (this.ttlMs <= 0 || request.actor || request.headers.authorization) return reply.send(await compute());
    const key = request.url;
    const hit = this.entries.get(key);
    reply.type('application/json; charset=utf-8');
    if (hit && hit.expires > Date.now()) return reply.send(hit.body);
    let pending = this.inflight.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = compute()
        .then((result) => {
          const body = String(reply.serialize(result));
          // A write that happened meanwhile may have made this result stale: do not keep it.
          if (generation === this.generation) {
            if (this.entries.size >= this.maxEntries) this.entries.clear();
            this.entries.set(key, { body, expires: Date.now() + this.ttlMs });
          }
          return body;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return reply.send(await pending);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inflight.clear();
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    publicCache: PublicCache;
  }
}

export const publicCachePlugin = fp(async (app: FastifyInstance, opts: { ttlMs: number }) => {
  const cache = new PublicCache(opts.ttlMs);
  app.decorate('publicCache', cache);
  // Any successful write may change what the public sees. onSend runs after the handler committed
  // and before the client hears back, so its next read can never see the old entry.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) cache.clear();
    done(null, payload);
  });
});
