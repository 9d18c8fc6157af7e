import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isCataloguedProblem, ManualClock, type DatabaseHandle, type Engine } from '@eventhub/core';
import { createTestDatabase, testEngines, type TestDatabase } from '@eventhub/core/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createAppContext, type AppContext } from '../../src/context';
import type { TypedApp } from '../../src/typed-app';

export interface TestEnv {
  engine: Engine;
  app: TypedApp;
  ctx: AppContext;
  clock: ManualClock;
  database: TestDatabase;
  config: Config;
  /** Every 5xx answered during the suite; a 5xx in a test run is a bug (see `databaseOutages`). */
  serverErrors: string[];
  /** Every problem answer whose code (with its status) is not in the error catalogue: also a bug. */
  uncataloguedCodes: string[];
}

/** The `code` of a problem+json payload as it leaves the server, if it is one. */
export function problemCodeOf(contentType: unknown, payload: unknown): unknown {
  if (typeof contentType !== 'string' || !contentType.startsWith('application/problem+json'))
    return undefined;
  const text =
    typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (text === null) return undefined;
  try {
    return (JSON.parse(text) as { code?: unknown }).code;
  } catch {
    return `(unparsable problem body: ${text.slice(0, 80)})`;
  }
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestEnvOptions {
  /** Configuration variables. */
  env?: Record<string, string>;
  /**
   * The suite takes the database away on purpose: 503 `database_unavailable`, 507 `storage_full`
   * and /readyz's 503 are the answers it expects. Every other 5xx (a 500 above all) still fails it.
   */
  databaseOutages?: boolean;
  /**
   * Opens the app's own connection to the suite's database some other way (PostgreSQL through a
   * TCP proxy the test controls); the suite's `database` stays a direct one. Closed with the app.
   */
  connectApp?: (database: TestDatabase) => Promise<DatabaseHandle & { location: string }>;
}

/** The answers a suite with `databaseOutages` expects: anything else 5xx is still a bug. */
function isExpectedOutageAnswer(url: string, status: number, code: unknown): boolean {
  return (
    (status === 503 && code === 'database_unavailable') ||
    (status === 507 && code === 'storage_full') ||
    (status === 503 && url === '/readyz')
  );
}

/** A fresh database and API for one suite. `env` overrides configuration variables. */
export async function createTestEnv(
  engine: Engine,
  env: Record<string, string> = {},
  options: Omit<TestEnvOptions, 'env'> = {},
): Promise<TestEnv> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eventhub-test-'));
  const database = await createTestDatabase(engine, dataDir);
  const appDatabase = options.connectApp ? await options.connectApp(database) : database;
  const config = loadConfig({
    // The app's own connections come from `database`; live availability opens a LISTEN connection from this.
    ...(engine === 'postgres' ? { DATABASE_URL: appDatabase.location } : {}),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    JWT_SECRET: TEST_JWT_SECRET,
    APP_SECRET: 'test-app-secret-that-is-long-enough-0123456789',
    DEMO_SEED: 'false',
    SERVE_WEB: 'false',
    RATE_LIMIT_LOGIN_PER_IP: '100000',
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000',
    RATE_LIMIT_REGISTER_PER_IP: '100000',
    RATE_LIMIT_REFRESH_PER_IP: '100000',
    // Tests move a manual clock; a real-time cache would hide that. The cache has its own suite.
    PUBLIC_CACHE_TTL_MS: '0',
    ...env,
  });
  const clock = new ManualClock(new Date());
  const ctx = createAppContext({
    db: appDatabase.db,
    engine,
    clock,
    config,
    jwtSecret: TEST_JWT_SECRET,
    appSecret: config.appSecret!,
  });
  const app = await buildApp(ctx, { logger: { level: 'error' } });
  if (appDatabase !== database) app.addHook('onClose', () => appDatabase.close());
  const serverErrors: string[] = [];
  const problemCodes = new WeakMap<object, unknown>();
  app.addHook('onResponse', async (request, reply) => {
    const code = problemCodes.get(request);
    if (
      reply.statusCode >= 500 &&
      !(options.databaseOutages && isExpectedOutageAnswer(request.url, reply.statusCode, code))
    )
      serverErrors.push(`${request.method} ${request.url} → ${reply.statusCode} ${String(code ?? '')}`);
  });
  const uncataloguedCodes: string[] = [];
  app.addHook('onSend', (request, reply, payload, done) => {
    const code = problemCodeOf(reply.getHeader('content-type'), payload);
    problemCodes.set(request, code);
    if (code !== undefined && !isCataloguedProblem(reply.statusCode, code))
      uncataloguedCodes.push(`${request.method} ${request.url} → ${reply.statusCode} ${String(code)}`);
    done(null, payload);
  });
  await app.ready();
  return { engine, app, ctx, clock, database, config, serverErrors, uncataloguedCodes };
}

/** Runs a suite once per engine under test, each with its own fresh database. */
export function describeEachEngine(
  title: string,
  body: (env: () => TestEnv, engine: Engine) => void,
  options: TestEnvOptions & {
    /** Only these engines (of those under test): a suite about one engine's own failure modes. */
    engines?: Engine[];
  } = {},
): void {
  for (const engine of testEngines().filter((e) => !options.engines || options.engines.includes(e))) {
    describe(`${title} [${engine}]`, () => {
      let current: TestEnv | undefined;
      beforeAll(async () => {
        current = await createTestEnv(engine, options.env, options);
      });
      afterAll(async () => {
        if (!current) return;
        await current.app.close();
        await current.database.dispose();
        expect(current.serverErrors, 'no 5xx during the suite').toEqual([]);
        expect(current.uncataloguedCodes, 'every problem code is in ERROR_CODES').toEqual([]);
      });
      body(() => {
        if (!current) throw new Error('test env not ready');
        return current;
      }, engine);
    });
  }
}

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return response.json() as T;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
