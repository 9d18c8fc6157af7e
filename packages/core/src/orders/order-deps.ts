import type { TicketCodeSigner } from './ticket-signer';
import type { Db } from '../db/database';
import type { Transact } from '../db/write-transactions';
import type { Clock } from '../shared/clock';
import type { PaymentProvider } from './payment-provider';

/** What order use cases need besides the acting user. */
export interface OrderDeps {
  db: Db;
  /** Runs the hot writes (placing and paying orders): group commit on SQLite. */
  transact: Transact;
  clock: Clock;
  /** How long a pending order holds its seats. */
  holdSeconds: number;
  /** Pending orders one buyer may hold per event at once (MAX_PENDING_ORDERS_PER_BUYER). */
  maxPendingOrdersPerBuyer: number;
  payments: PaymentProvider;
  /** Signs each issued ticket's code with its organizer's key. */
  ticketCodes: TicketCodeSigner;
  /** Told after commit whenever an event's availability changed (live updates, caches). */
  onAvailabilityChanged?: (eventId: string) => void;
  /** Told after commit when the outbox has new mail to send. */
  onOutbox?: () => void;
}
