import type { AuthSettings, Clock, Db, Engine, IdentityDeps } from '@eventhub/core';
import type { Config } from './config';

/** What every route needs: the database, the clock, and the parsed configuration. */
export interface AppContext {
  db: Db;
  engine: Engine;
  clock: Clock;
  config: Config;
  auth: AuthSettings;
}

export function identityDeps(ctx: AppContext): IdentityDeps {
  return { db: ctx.db, clock: ctx.clock, auth: ctx.auth };
}

/** Token settings from the configuration and the resolved JWT secret. */
export function authSettings(config: Config, jwtSecret: string | Uint8Array): AuthSettings {
  return {
    jwtSecret: typeof jwtSecret === 'string' ? new TextEncoder().encode(jwtSecret) : jwtSecret,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshIdleTtlSeconds: config.refreshIdleTtlSeconds,
    sessionTtlSeconds: config.sessionTtlSeconds,
  };
}
