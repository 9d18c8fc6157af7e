import { DomainError } from '@eventhub/core';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../config';

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'rate_limited', 'Too many attempts; try again later', {
      retryAfter: retryAfterSeconds,
    });
  }
}

/** One budget: `points` attempts per `duration` seconds per key. */
class Budget {
  private readonly limiter: RateLimiterMemory;

  constructor(points: number, duration: number, keyPrefix: string) {
    this.limiter = new RateLimiterMemory({ points, duration, keyPrefix });
  }

  /** Spends one attempt for `key`; throws 429 with Retry-After when the budget is gone. */
  async spend(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes)
        throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  }
}

/**
 * The brute-force guards of the identity routes. Keys are the client IP as Fastify resolved it
 * (X-Forwarded-For counts only behind a configured trusted proxy) and, for login, the account.
 * Memory-backed: each API process keeps its own counters.
 */
export class RateLimits {
  readonly loginPerIp: Budget;
  readonly loginPerAccount: Budget;
  readonly registerPerIp: Budget;
  readonly refreshPerIp: Budget;

  constructor(config: RateLimitConfig) {
    this.loginPerIp = new Budget(config.loginPerIp, 60, 'login-ip');
    this.loginPerAccount = new Budget(config.loginPerAccount, 15 * 60, 'login-account');
    this.registerPerIp = new Budget(config.registerPerIp, 3600, 'register-ip');
    this.refreshPerIp = new Budget(config.refreshPerIp, 60, 'refresh-ip');
  }
}
