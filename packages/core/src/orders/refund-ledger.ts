import type { Db } from '../db/database';
import type { RefundStatus } from '../db/schema';
import type { Actor } from '../shared/actor';
import { ForbiddenError } from '../shared/errors';
import { toMajorUnits } from '../shared/money';

/** A refund as the organizer's and admin's refund lists show it: what is owed, to whom, and why. */
export interface RefundEntry {
  id: string;
  orderId: string;
  orderReference: string;
  eventId: string;
  eventName: string;
  buyer: { name: string; email: string };
  amount: number;
  currency: string;
  ticketIds: string[];
  /** `failed`: the automatic retries ran out and a person must retry it. */
  status: RefundStatus;
  reason: string | null;
  /** Provider calls in the current round of retries. */
  attempts: number;
  /** The provider's last refusal (null if it never refused). */
  lastError: string | null;
  /** When the job asks the provider next (pending only). */
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Refunds joined with what a person needs to act on them, limited to what `actor` may see: every
 * refund for an admin, the refunds of their own events for an organizer; anyone else 403.
 */
export function refundsVisibleTo(db: Db, actor: Actor) {
  const base = db
    .selectFrom('refunds')
    .innerJoin('orders', 'orders.id', 'refunds.order_id')
    .innerJoin('events', 'events.id', 'orders.event_id');
  if (actor.role === 'admin') return base;
  if (actor.role === 'organizer') return base.where('events.organizer_id', '=', actor.userId);
  throw new ForbiddenError();
}

export const REFUND_ENTRY_COLUMNS = [
  'refunds.id',
  'refunds.order_id',
  'refunds.amount',
  'refunds.currency',
  'refunds.ticket_ids',
  'refunds.status',
  'refunds.reason',
  'refunds.attempts',
  'refunds.last_error',
  'refunds.next_attempt_at',
  'refunds.created_at',
  'refunds.updated_at',
  'orders.reference as order_reference',
  'orders.event_id',
  'events.name as event_name',
  'orders.buyer_name',
  'orders.buyer_email',
] as const;

export interface RefundEntryRow {
  id: string;
  order_id: string;
  amount: number;
  currency: string;
  ticket_ids: string;
  status: RefundStatus;
  reason: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
  order_reference: string;
  event_id: string;
  event_name: string;
  buyer_name: string;
  buyer_email: string;
}

export function toRefundEntry(row: RefundEntryRow): RefundEntry {
  return {
    id: row.id,
    orderId: row.order_id,
    orderReference: row.order_reference,
    eventId: row.event_id,
    eventName: row.event_name,
    buyer: { name: row.buyer_name, email: row.buyer_email },
    amount: toMajorUnits(row.amount, row.currency),
    currency: row.currency,
    ticketIds: JSON.parse(row.ticket_ids) as string[],
    status: row.status,
    reason: row.reason,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
