import type { Db } from '../db/database';
import type { Clock } from './clock';

/**
 * What every use case needs besides the acting user. Each area that needs more has one shape
 * extending this (IdentityDeps, EventDeps, OrderDeps, CheckinDeps); see ARCHITECTURE.md.
 */
export interface CoreDeps {
  db: Db;
  clock: Clock;
}
