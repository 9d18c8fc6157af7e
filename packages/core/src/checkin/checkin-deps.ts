import type { Db } from '../db/database';
import type { Clock } from '../shared/clock';
import type { DeferredAudit } from './deferred-audit';
import type { EventOwners } from './event-owners';
import type { TicketKeyRing } from './key-ring';

/** What check-in use cases need besides the acting user. */
export interface CheckinDeps {
  db: Db;
  clock: Clock;
  keys: TicketKeyRing;
  deferredAudit: DeferredAudit;
  owners: EventOwners;
}
