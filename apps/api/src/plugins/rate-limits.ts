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

function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
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
      if (error instanceof RateLimiterRes) throw new RateLimitedError(retryAfterSeconds(error.msBeforeNext));
      throw error;
    }
  }

  /** Gives `key` its whole budget back. */
  async restore(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

interface AccountFailures {
  /** Failed logins since the last success (forgotten after FORGET_AFTER_MS without one). */
  failures: number;
  /** Attempts let through and not yet answered; each may become a failure. */
  pending: number;
  /** No attempt is let through before this time (ms since the epoch). */
  notBefore: number;
  lastFailureAt: number;
}

// An hour without a failure wipes an account's record; a success wipes it at once.
const FORGET_AFTER_MS = 3600_000;
// Bounds memory when someone sprays made-up addresses: the oldest records go first.
const MAX_ACCOUNTS = 100_000;

/**
 * Slows password guessing per account without locking the owner out: after `freeFailures` failed
 * logins (from any IP), each attempt must wait `delayMs`, doubling with every further failure up
 * to `maxDelayMs`. An attempt inside the wait is refused before the password is checked. Attempts
 * in flight count as failures-to-be, so a burst of parallel guesses gets no more than one past
 * the free ones. A successful login clears the record.
 */
export class LoginBackoff {
  private readonly accounts = new Map<string, AccountFailures>();

  constructor(
    private readonly settings: Pick<
      RateLimitConfig,
      'loginFreeFailures' | 'loginDelayMs' | 'loginMaxDelayMs'
    >,
    private readonly now: () => number = Date.now,
  ) {}

  /** The wait after `failures` failed attempts. */
  delayAfter(failures: number): number {
    const { loginFreeFailures, loginDelayMs, loginMaxDelayMs } = this.settings;
    if (failures <= loginFreeFailures) return 0;
    const doublings = Math.min(failures - loginFreeFailures - 1, 30);
    return Math.min(loginDelayMs * 2 ** doublings, loginMaxDelayMs);
  }

  /** Lets one attempt for `account` through, or throws 429 with the time left to wait. */
  admit(account: string): void {
    const now = this.now();
    const record = this.current(account, now);
    if (record && now < record.notBefore)
      throw new RateLimitedError(retryAfterSeconds(record.notBefore - now));
    const entry = record ?? this.create(account, now);
    entry.pending += 1;
    // Were this attempt to fail, the next one would have to wait this long; hold the door now.
    entry.notBefore = now + this.delayAfter(entry.failures + entry.pending);
  }

  /** The admitted attempt failed with wrong credentials. */
  failed(account: string): void {
    const now = this.now();
    const entry = this.accounts.get(account) ?? this.create(account, now);
    entry.pending = Math.max(0, entry.pending - 1);
    entry.failures += 1;
    entry.lastFailureAt = now;
    entry.notBefore = Math.max(entry.notBefore, now + this.delayAfter(entry.failures + entry.pending));
  }

  /** The admitted attempt ended otherwise than in a wrong password (e.g. the database was down). */
  abandoned(account: string): void {
    const entry = this.accounts.get(account);
    if (entry) entry.pending = Math.max(0, entry.pending - 1);
  }

  succeeded(account: string): void {
    this.accounts.delete(account);
  }

  private current(account: string, now: number): AccountFailures | undefined {
    const entry = this.accounts.get(account);
    if (entry && entry.pending === 0 && now - entry.lastFailureAt > FORGET_AFTER_MS) {
      this.accounts.delete(account);
      return undefined;
    }
    return entry;
  }

  private create(account: string, now: number): AccountFailures {
    if (this.accounts.size >= MAX_ACCOUNTS) {
      const oldest = this.accounts.keys().next();
      if (!oldest.done) this.accounts.delete(oldest.value);
    }
    const entry = { failures: 0, pending: 0, notBefore: now, lastFailureAt: now };
    this.accounts.set(account, entry);
    return entry;
  }
}

/**
 * Login throttling. Every attempt spends from the client IP's budget (all accounts) and from the
 * budget of that account from that IP; then the account's back-off must allow it. Only then is the
 * password checked. A success restores that pair's budget and clears the account's back-off.
 */
export class LoginThrottle {
  private readonly perIp: Budget;
  private readonly perAccountAndIp: Budget;
  readonly backoff: LoginBackoff;

  constructor(config: RateLimitConfig, now?: () => number) {
    this.perIp = new Budget(config.loginPerIp, 60, 'login-ip');
    this.perAccountAndIp = new Budget(config.loginPerAccount, 15 * 60, 'login-account-ip');
    this.backoff = new LoginBackoff(config, now);
  }

  /**
   * Runs one login attempt under the limits. `attempt` rejects with `isWrongCredentials` errors
   * for a wrong e-mail or password; those count as failures, anything else does not.
   */
  async run<T>(
    ip: string,
    account: string,
    attempt: () => Promise<T>,
    isWrongCredentials: (error: unknown) => boolean,
  ): Promise<T> {
    const pair = JSON.stringify([account, ip]);
    await this.perIp.spend(ip);
    await this.perAccountAndIp.spend(pair);
    this.backoff.admit(account);
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      if (isWrongCredentials(error)) this.backoff.failed(account);
      else this.backoff.abandoned(account);
      throw error;
    }
    this.backoff.succeeded(account);
    await this.perAccountAndIp.restore(pair);
    return result;
  }
}

/**
 * The brute-force guards of the identity routes. Keys are the client IP as Fastify resolved it
 * (X-Forwarded-For counts only behind a configured trusted proxy) and, for login, the account.
 * Memory-backed: each API process keeps its own counters.
 */
export class RateLimits {
  readonly login: LoginThrottle;
  readonly registerPerIp: Budget;
  readonly refreshPerIp: Budget;

  constructor(config: RateLimitConfig) {
    this.login = new LoginThrottle(config);
    this.registerPerIp = new Budget(config.registerPerIp, 3600, 'register-ip');
    this.refreshPerIp = new Budget(config.refreshPerIp, 60, 'refresh-ip');
  }
}
