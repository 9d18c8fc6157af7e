import type { Db } from '../db/database';
import type { Transact } from '../db/write-transactions';
import type { AfterCommit } from '../shared/after-commit';
import type { Clock } from '../shared/clock';
import type { DeferredAudit } from './deferred-audit';
import type { EventOwners } from './event-owners';
import type { TicketKeyRing } from './key-ring';

/** What check-in use cases need besides the acting user. */
export interface CheckinDeps {
  db: Db;
  /** Runs admissions: group commit on SQLite. */
  transact: Transact;
  clock: Clock;
  keys: TicketKeyRing;
  deferredAudit: DeferredAudit;
  owners: EventOwners;
  /** Told after commit when admissions changed an event's check-in figures. */
  afterCommit: AfterCommit;
}
