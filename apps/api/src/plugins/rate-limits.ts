import { DomainError } from '@eventhub/core';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../config';
import type { SharedRedis } from '../redis';

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

/** One budget: `points` attempts per `duration` seconds per key, in Redis when there is one. */
class Budget {
  private readonly memory: RateLimiterMemory;
  private readonly redis: RateLimiterRedis | null;

  constructor(
    points: number,
    duration: number,
    keyPrefix: string,
    private readonly shared: SharedRedis | null = null,
  ) {
    this.memory = new RateLimiterMemory({ points, duration, keyPrefix });
    this.redis = shared
      ? new RateLimiterRedis({
          storeClient: shared.client,
          points,
          duration,
          keyPrefix: `${shared.prefix}${keyPrefix}`,
          // Not connected: answer from memory at once rather than wait for a reconnection.
          rejectIfRedisNotReady: true,
        })
      : null;
  }

  /** Spends one attempt for `key`; throws 429 with Retry-After when the budget is gone. */
  async spend(key: string): Promise<void> {
    try {
      await this.sharedOrMemory((limiter) => limiter.consume(key));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(retryAfterSeconds(error.msBeforeNext));
      throw error;
    }
  }

  /** Gives `key` its whole budget back. */
  async restore(key: string): Promise<void> {
    await this.sharedOrMemory((limiter) => limiter.delete(key));
  }

  /**
   * Runs `use` on the Redis limiter, or on this process's memory when Redis fails: a limit that
   * is briefly per process beats refusing every login, or waiting on an unreachable server.
   */
  private async sharedOrMemory<T>(use: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    if (!this.redis) return use(this.memory);
    try {
      return await use(this.redis);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      this.shared!.fellBack('rate limits', error);
      return use(this.memory);
    }
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

/** Where an account's back-off lives: this process's memory, or Redis for every process. */
export interface BackoffStore {
  admit(account: string): Promise<void>;
  failed(account: string): Promise<void>;
  abandoned(account: string): Promise<void>;
  succeeded(account: string): Promise<void>;
}

// The back-off of LoginBackoff as one atomic script per step, so attempts on several processes
// see each other's failures and attempts in flight exactly as one process would.
const BACKOFF_SCRIPT = `
local key, op, now = KEYS[1], ARGV[1], tonumber(ARGV[2])
local free, delay, maxDelay = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local forgetMs, staleMs = tonumber(ARGV[6]), tonumber(ARGV[7])
if op == 'succeeded' then
  redis.call('DEL', key)
  return 0
end
local r = redis.call('HMGET', key, 'failures', 'pending', 'notBefore', 'lastFailureAt', 'pendingAt')
local exists = r[1] ~= false
if op == 'abandoned' and not exists then return 0 end
local failures, pending = tonumber(r[1]) or 0, tonumber(r[2]) or 0
local notBefore, lastFailureAt = tonumber(r[3]) or now, tonumber(r[4]) or now
local pendingAt = tonumber(r[5]) or now
-- An attempt whose process died never reports back: after a while it stops counting.
if pending > 0 and now - pendingAt > staleMs then pending = 0 end
local function delayAfter(n)
  if n <= free then return 0 end
  return math.min(delay * 2 ^ math.min(n - free - 1, 30), maxDelay)
end
if op == 'admit' then
  if exists and pending == 0 and now - lastFailureAt > forgetMs then
    failures, notBefore, lastFailureAt = 0, now, now
  end
  if now < notBefore then return notBefore - now end
  pending = pending + 1
  pendingAt = now
  notBefore = now + delayAfter(failures + pending)
elseif op == 'failed' then
  pending = math.max(0, pending - 1)
  failures = failures + 1
  lastFailureAt = now
  notBefore = math.max(notBefore, now + delayAfter(failures + pending))
else
  pending = math.max(0, pending - 1)
end
redis.call('HSET', key, 'failures', failures, 'pending', pending, 'notBefore', notBefore,
  'lastFailureAt', lastFailureAt, 'pendingAt', pendingAt)
redis.call('PEXPIRE', key, forgetMs + maxDelay + staleMs)
return 0
`;

// An attempt is a password check and a few queries: one still unanswered after this has died.
const STALE_ATTEMPT_MS = 30_000;

type BackoffStep = 'admit' | 'failed' | 'abandoned' | 'succeeded';

/**
 * The back-off kept in Redis, shared by every API process. When Redis fails, this process's
 * memory takes over (logged); the two do not merge, so during an outage each process keeps its
 * own count, as they all did before Redis.
 */
export class SharedLoginBackoff implements BackoffStore {
  private readonly local: LoginBackoff;

  constructor(
    private readonly shared: SharedRedis,
    private readonly settings: Pick<
      RateLimitConfig,
      'loginFreeFailures' | 'loginDelayMs' | 'loginMaxDelayMs'
    >,
    private readonly now: () => number = Date.now,
  ) {
    this.local = new LoginBackoff(settings, now);
  }

  async admit(account: string): Promise<void> {
    const waitMs = await this.step('admit', account);
    if (waitMs > 0) throw new RateLimitedError(retryAfterSeconds(waitMs));
  }

  async failed(account: string): Promise<void> {
    await this.step('failed', account);
  }

  async abandoned(account: string): Promise<void> {
    await this.step('abandoned', account);
  }

  async succeeded(account: string): Promise<void> {
    await this.step('succeeded', account);
  }

  /** Runs one step in Redis; returns how long the account must still wait (admit only). */
  private async step(op: BackoffStep, account: string): Promise<number> {
    const { loginFreeFailures, loginDelayMs, loginMaxDelayMs } = this.settings;
    let waitMs: unknown;
    try {
      waitMs = await this.shared.client.eval(
        BACKOFF_SCRIPT,
        1,
        `${this.shared.prefix}login-backoff:${account}`,
        op,
        this.now(),
        loginFreeFailures,
        loginDelayMs,
        loginMaxDelayMs,
        FORGET_AFTER_MS,
        STALE_ATTEMPT_MS,
      );
    } catch (error) {
      this.shared.fellBack('the login back-off', error);
      this.local[op](account);
      return 0;
    }
    return Number(waitMs);
  }
}

/** The in-memory back-off behind the same asynchronous face as the shared one. */
class MemoryBackoffStore implements BackoffStore {
  constructor(private readonly backoff: LoginBackoff) {}
  async admit(account: string): Promise<void> {
    this.backoff.admit(account);
  }
  async failed(account: string): Promise<void> {
    this.backoff.failed(account);
  }
  async abandoned(account: string): Promise<void> {
    this.backoff.abandoned(account);
  }
  async succeeded(account: string): Promise<void> {
    this.backoff.succeeded(account);
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
  readonly backoff: BackoffStore;

  constructor(config: RateLimitConfig, shared: SharedRedis | null = null, now?: () => number) {
    this.perIp = new Budget(config.loginPerIp, 60, 'login-ip', shared);
    this.perAccountAndIp = new Budget(config.loginPerAccount, 15 * 60, 'login-account-ip', shared);
    this.backoff = shared
      ? new SharedLoginBackoff(shared, config, now)
      : new MemoryBackoffStore(new LoginBackoff(config, now));
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
    await this.backoff.admit(account);
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      if (isWrongCredentials(error)) await this.backoff.failed(account);
      else await this.backoff.abandoned(account);
      throw error;
    }
    await this.backoff.succeeded(account);
    await this.perAccountAndIp.restore(pair);
    return result;
  }
}

/**
 * The brute-force guards of the identity routes. Keys are the client IP as Fastify resolved it
 * (X-Forwarded-For counts only behind a configured trusted proxy) and, for login, the account.
 * With REDIS_URL the counters live in Redis, shared by every API process; without it (or while
 * Redis is unreachable) each process keeps its own in memory.
 */
export class RateLimits {
  readonly login: LoginThrottle;
  readonly registerPerIp: Budget;
  readonly refreshPerIp: Budget;
  /** "Find my orders" (POST /api/orders/lookup) mails an address: per IP and per address, hourly. */
  readonly orderLookupPerIp: Budget;
  readonly orderLookupPerAddress: Budget;
  private readonly accountMailPerIp: Budget;
  private readonly accountMailPerAddress: Budget;

  constructor(config: RateLimitConfig, shared: SharedRedis | null = null) {
    this.login = new LoginThrottle(config, shared);
    this.registerPerIp = new Budget(config.registerPerIp, 3600, 'register-ip', shared);
    this.refreshPerIp = new Budget(config.refreshPerIp, 60, 'refresh-ip', shared);
    this.orderLookupPerIp = new Budget(config.orderLookupPerIp, 3600, 'order-lookup-ip', shared);
    this.orderLookupPerAddress = new Budget(config.orderLookupPerAddress, 3600, 'order-lookup-to', shared);
    this.accountMailPerIp = new Budget(config.accountMailPerIp, 3600, 'account-mail-ip', shared);
    this.accountMailPerAddress = new Budget(config.accountMailPerAddress, 3600, 'account-mail-to', shared);
  }

  /**
   * One request that may send an account e-mail (verification, reset, e-mail change): spends from
   * the IP's hourly budget and from the recipient's (`recipient` is an address or a user id), so
   * neither one client nor many can flood an inbox. Spent whether or not a mail goes out, so a 429
   * tells nothing about who has an account.
   */
  async spendAccountMail(ip: string, recipient: string): Promise<void> {
    await this.accountMailPerIp.spend(ip);
    await this.accountMailPerAddress.spend(recipient);
  }
}
