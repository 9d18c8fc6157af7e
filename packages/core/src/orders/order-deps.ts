import type { TicketCodeSigner } from './ticket-signer';
import type { Transact } from '../db/write-transactions';
import type { EventDeps } from '../events/event-deps';
import type { OrderLinks } from './order-links';
import type { PaymentProvider } from './payment-provider';

/** What order use cases need besides the acting user; a sale also edits events (cancelling one). */
export interface OrderDeps extends EventDeps {
  /** Runs the hot writes (placing and paying orders): group commit on SQLite. */
  transact: Transact;
  /** How long a pending order holds its seats. */
  holdSeconds: number;
  /** Pending orders one buyer (account or guest e-mail) may hold per event at once (MAX_PENDING_ORDERS_PER_BUYER). */
  maxPendingOrdersPerBuyer: number;
  /** Pending guest orders one client IP may hold per event at once (MAX_PENDING_ORDERS_PER_IP). */
  maxPendingOrdersPerIp: number;
  /** Orders' access tokens and the mailed links carrying them. */
  orderLinks: OrderLinks;
  payments: PaymentProvider;
  /** Signs each issued ticket's code with its organizer's key. */
  ticketCodes: TicketCodeSigner;
}
