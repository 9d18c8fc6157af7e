import path from 'node:path';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_QUERY_TIMEOUT_MS, isPostgresUrl } from '@eventhub/core';

/** Everything the process reads from its environment, parsed once at start-up. See README.md. */
export interface Config {
  mode: 'production' | 'local';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  uploadDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: longest wait for a new connection before answering 503. */
  databaseConnectTimeoutMs: number;
  /** PostgreSQL: longest a statement may run (statement_timeout) before answering 503. */
  databaseQueryTimeoutMs: number;
  jwtSecret: string | undefined;
  appSecret: string | undefined;
  jwtIssuer: string;
  jwtAudience: string;
  accessTokenTtlSeconds: number;
  refreshIdleTtlSeconds: number;
  sessionTtlSeconds: number;
  stripeSecretKey: string | undefined;
  stripeWebhookSecret: string | undefined;
  stripePublishableKey: string | undefined;
  /** Another Stripe API origin (a loopback fake in tests); unset in production. */
  stripeApiBase: string | undefined;
  smtpUrl: string | undefined;
  corsOrigins: string[];
  trustProxy: boolean | string[] | number;
  bodyLimitBytes: number;
  logLevel: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  demoSeed: boolean;
  serveWeb: boolean;
  /** Bearer token /metrics requires; required in production unless metrics have their own port. */
  metricsToken: string | undefined;
  /** Serve /metrics only on this port; on PORT it is then 404. Started by main.ts. */
  metricsPort: number | undefined;
  /** Interface of the metrics port; loopback unless the operator says otherwise. */
  metricsHost: string;
  /** How long anonymous public reads may be served from memory; 0 turns the cache off. */
  publicCacheTtlMs: number;
  /** How long a pending order holds its seats. */
  orderHoldSeconds: number;
  /** Pending orders one buyer may hold per event at once; more are refused (hold_limit_reached). */
  maxPendingOrdersPerBuyer: number;
  /** Pending guest orders one client IP may hold per event at once: loose, for offices behind one address. */
  maxPendingOrdersPerIp: number;
  rateLimits: RateLimitConfig;
  streams: StreamConfig;
  /** Redis shared by every API process for rate limits and stream caps; unset = each process's memory. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key, so deployments (or test runs) sharing one Redis keep apart. */
  redisKeyPrefix: string;
  /** API processes `npm start` runs (node:cluster); more than one needs PostgreSQL. */
  webConcurrency: number;
}

/** Live (Server-Sent Events) streams. */
export interface StreamConfig {
  /** Open stream connections per client IP; more are refused with 429. */
  connectionsPerIp: number;
  /** Open stream connections in all, per process. */
  connectionsMax: number;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatSeconds: number;
}

export interface RateLimitConfig {
  /** Login attempts per IP per minute, whatever the account. */
  loginPerIp: number;
  /** Login attempts per account from one IP per 15 minutes; a successful login restores them. */
  loginPerAccount: number;
  /** Failed logins of one account (from any IP) before its attempts have to wait. */
  loginFreeFailures: number;
  /** The first such wait; it doubles with each further failure. */
  loginDelayMs: number;
  /** The longest wait: what an attacker can hold the account's owner back at most. */
  loginMaxDelayMs: number;
  /** Sign-ups per IP per hour. */
  registerPerIp: number;
  /** Token refreshes per IP per minute. */
  refreshPerIp: number;
  /** "Find my orders" requests per IP per hour. */
  orderLookupPerIp: number;
  /** "Find my orders" requests per e-mail address per hour (each may send a mail there). */
  orderLookupPerAddress: number;
  /** Account e-mails asked for (verification, password reset, e-mail change) per IP per hour. */
  accountMailPerIp: number;
  /** The same per address (or signed-in user) per hour, so nobody's inbox is flooded. */
  accountMailPerAddress: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, fallback?: string): string | undefined {
  const raw = str(env, name) ?? fallback;
  if (raw === undefined) return undefined;
  try {
    new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL, got "${raw}"`);
  }
  return raw;
}

function trustProxy(env: Env): Config['trustProxy'] {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.split(',').map((s) => s.trim());
}

/** Parses and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const mode = env.NODE_ENV === 'production' ? 'production' : 'local';
  const port = int(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(str(env, 'DATA_DIR') ?? './data');
  const databaseUrl = str(env, 'DATABASE_URL');
  if (databaseUrl && !isPostgresUrl(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL',
      'must be a postgres:// or postgresql:// URL (leave it unset for SQLite)',
    );
  }
  const jwtSecret = str(env, 'JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32)
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  const appSecret = str(env, 'APP_SECRET');
  if (appSecret && appSecret.length < 32)
    throw new ConfigError('APP_SECRET', 'must be at least 32 characters');
  const stripeSecretKey = str(env, 'STRIPE_SECRET_KEY');
  const stripeWebhookSecret = str(env, 'STRIPE_WEBHOOK_SECRET');
  if (mode === 'production') {
    if (!jwtSecret) throw new ConfigError('JWT_SECRET', 'is required in production (NODE_ENV=production)');
    if (!appSecret) throw new ConfigError('APP_SECRET', 'is required in production (NODE_ENV=production)');
    if (stripeSecretKey && !stripeWebhookSecret) {
      throw new ConfigError(
        'STRIPE_WEBHOOK_SECRET',
        'is required when STRIPE_SECRET_KEY is set in production',
      );
    }
    // Card payments and refunds would go to whatever answers there: only tests point it elsewhere.
    if (env.STRIPE_API_BASE)
      throw new ConfigError(
        'STRIPE_API_BASE',
        'is for tests against a fake Stripe; never set it in production',
      );
  }
  const metricsToken = str(env, 'METRICS_TOKEN');
  const metricsPort =
    str(env, 'METRICS_PORT') === undefined ? undefined : int(env, 'METRICS_PORT', 0, 0, 65535);
  if (metricsPort !== undefined && metricsPort !== 0 && metricsPort === port)
    throw new ConfigError('METRICS_PORT', 'must differ from PORT (metrics get their own, internal port)');
  if (mode === 'production' && !metricsToken && metricsPort === undefined) {
    throw new ConfigError(
      'METRICS_TOKEN',
      'is required in production (NODE_ENV=production), unless METRICS_PORT serves /metrics on an internal port',
    );
  }
  const loginDelayMs = int(env, 'RATE_LIMIT_LOGIN_DELAY_MS', 1000, 1, 60_000);
  // Never longer than the 15-minute lock this back-off replaced.
  const loginMaxDelayMs = int(env, 'RATE_LIMIT_LOGIN_MAX_DELAY_MS', 60_000, loginDelayMs, 15 * 60_000);
  const adminEmail = str(env, 'ADMIN_EMAIL');
  const adminPassword = str(env, 'ADMIN_PASSWORD');
  if (!!adminEmail !== !!adminPassword) {
    throw new ConfigError(
      adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL',
      'must be set together with the other',
    );
  }
  const publicUrl = url(env, 'PUBLIC_URL', `http://localhost:${port}`)!;
  const logLevel = str(env, 'LOG_LEVEL') ?? 'info';
  const redisUrl = url(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    throw new ConfigError(
      'REDIS_URL',
      'must be a redis:// or rediss:// URL (leave it unset for in-memory limits)',
    );
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent`);
  }

  return {
    mode,
    port,
    host: str(env, 'HOST') ?? (mode === 'production' ? '0.0.0.0' : 'localhost'),
    publicUrl,
    dataDir,
    uploadDir: path.resolve(str(env, 'UPLOAD_DIR') ?? path.join(dataDir, 'uploads')),
    databaseUrl,
    databaseConnectTimeoutMs: int(
      env,
      'DATABASE_CONNECT_TIMEOUT_MS',
      DEFAULT_CONNECT_TIMEOUT_MS,
      100,
      60_000,
    ),
    databaseQueryTimeoutMs: int(env, 'DATABASE_QUERY_TIMEOUT_MS', DEFAULT_QUERY_TIMEOUT_MS, 100, 600_000),
    jwtSecret,
    appSecret,
    jwtIssuer: str(env, 'JWT_ISSUER') ?? publicUrl,
    jwtAudience: str(env, 'JWT_AUDIENCE') ?? 'eventhub-api',
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 60, 24 * 3600),
    refreshIdleTtlSeconds: int(env, 'REFRESH_TOKEN_IDLE_TTL_SECONDS', 14 * 24 * 3600, 60),
    sessionTtlSeconds: int(env, 'SESSION_TTL_SECONDS', 30 * 24 * 3600, 60),
    stripeSecretKey,
    stripeWebhookSecret,
    stripePublishableKey: str(env, 'STRIPE_PUBLISHABLE_KEY'),
    stripeApiBase: url(env, 'STRIPE_API_BASE'),
    smtpUrl: url(env, 'SMTP_URL'),
    corsOrigins: (str(env, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: trustProxy(env),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024),
    logLevel,
    adminEmail,
    adminPassword,
    demoSeed: bool(env, 'DEMO_SEED', mode === 'local'),
    serveWeb: bool(env, 'SERVE_WEB', true),
    metricsToken,
    metricsPort,
    metricsHost: str(env, 'METRICS_HOST') ?? '127.0.0.1',
    publicCacheTtlMs: int(env, 'PUBLIC_CACHE_TTL_MS', 1000, 0, 60_000),
    orderHoldSeconds: int(env, 'ORDER_HOLD_MINUTES', 15, 1, 24 * 60) * 60,
    maxPendingOrdersPerBuyer: int(env, 'MAX_PENDING_ORDERS_PER_BUYER', 2, 1, 10_000),
    maxPendingOrdersPerIp: int(env, 'MAX_PENDING_ORDERS_PER_IP', 50, 1, 1_000_000),
    rateLimits: {
      loginPerIp: int(env, 'RATE_LIMIT_LOGIN_PER_IP', 20, 1),
      loginPerAccount: int(env, 'RATE_LIMIT_LOGIN_PER_ACCOUNT', 10, 1),
      loginFreeFailures: int(env, 'RATE_LIMIT_LOGIN_FREE_FAILURES', 5, 0, 1000),
      loginDelayMs,
      loginMaxDelayMs,
      registerPerIp: int(env, 'RATE_LIMIT_REGISTER_PER_IP', 20, 1),
      refreshPerIp: int(env, 'RATE_LIMIT_REFRESH_PER_IP', 120, 1),
      orderLookupPerIp: int(env, 'RATE_LIMIT_ORDER_LOOKUP_PER_IP', 20, 1),
      orderLookupPerAddress: int(env, 'RATE_LIMIT_ORDER_LOOKUP_PER_ADDRESS', 5, 1),
      accountMailPerIp: int(env, 'RATE_LIMIT_ACCOUNT_MAIL_PER_IP', 20, 1),
      accountMailPerAddress: int(env, 'RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS', 5, 1),
    },
    streams: {
      connectionsPerIp: int(env, 'STREAM_CONNECTIONS_PER_IP', 20, 1),
      connectionsMax: int(env, 'STREAM_CONNECTIONS_MAX', 10_000, 1),
      heartbeatSeconds: int(env, 'STREAM_HEARTBEAT_SECONDS', 15, 1, 3600),
    },
    redisUrl,
    redisKeyPrefix: str(env, 'REDIS_KEY_PREFIX') ?? 'eventhub:',
    webConcurrency: int(env, 'WEB_CONCURRENCY', 1, 1, 256),
  };
}
