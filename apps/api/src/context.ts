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
