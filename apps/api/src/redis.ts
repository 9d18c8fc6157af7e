import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Config } from './config';

/** The Redis that API processes share rate limits and stream caps through (REDIS_URL). */
export interface SharedRedis {
  client: Redis;
  /** Every key starts with this (REDIS_KEY_PREFIX), so deployments sharing one Redis keep apart. */
  prefix: string;
  /** Logs, once per outage, that a shared limit fell back to this process's memory. */
  fellBack(what: string, error: unknown): void;
  close(): Promise<void>;
}

// A limit check must never hold a request up for long: an unanswered command fails after this,
// and the limiter falls back to memory.
const COMMAND_TIMEOUT_MS = 500;

/**
 * Connects to REDIS_URL, or returns null when it is unset (every limit then lives in memory).
 * Commands are not queued while disconnected: they fail at once, so an unreachable Redis costs a
 * request nothing; the client keeps reconnecting in the background.
 */
export async function connectSharedRedis(
  config: Config,
  log: FastifyBaseLogger,
): Promise<SharedRedis | null> {
  if (!config.redisUrl) return null;
  // ioredis loads only where REDIS_URL is set.
  const { Redis } = await import('ioredis');
  const client = new Redis(config.redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 250, 5_000),
  });
  let down = false;
  const fellBack = (what: string, error: unknown) => {
    if (down) return;
    down = true;
    log.warn(
      { err: error },
      `Redis unreachable: ${what} and every other shared limit use this process's memory until it is back`,
    );
  };
  client.on('error', (error: unknown) => fellBack('rate limits', error));
  client.on('ready', () => {
    if (down) log.info('Redis is back: limits are shared across processes again');
    down = false;
  });
  try {
    await client.connect();
  } catch (error) {
    // Starting without Redis is allowed (limits fall back to memory); it is retried meanwhile.
    fellBack('rate limits', error);
  }
  return {
    client,
    prefix: config.redisKeyPrefix,
    fellBack,
    close: async () => {
      client.disconnect();
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Null without REDIS_URL: every limit then lives in this process's memory. */
    sharedRedis: SharedRedis | null;
  }
}

/** Connects to REDIS_URL (if set) for the plugins that share limits, and disconnects on close. */
export const sharedRedisPlugin = fp(async (app: FastifyInstance, opts: { config: Config }) => {
  const shared = await connectSharedRedis(opts.config, app.log);
  app.decorate('sharedRedis', shared);
  if (shared) app.addHook('onClose', async () => shared.close());
});
