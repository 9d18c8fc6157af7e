import type { RefundEntry, RefundListQuery } from '@eventhub/client';
import { formatMoney } from '../../lib/event-format';
import { formatPlacedAt } from '../orders/order-dates';

/** The list's status filter as it sits in the URL; no value stands for every owed refund. */
export type RefundFilter = 'failed' | 'pending' | 'succeeded';

export const REFUND_FILTERS: readonly RefundFilter[] = ['failed', 'pending', 'succeeded'];

export const ALL_OWED_LABEL = 'All owed';

export const REFUND_FILTER_LABELS: Record<RefundFilter, string> = {
  failed: 'Needs a retry',
  pending: 'Retrying automatically',
  succeeded: 'Paid back',
};

export function parseRefundFilter(value: string | null): RefundFilter | undefined {
  return REFUND_FILTERS.find((filter) => filter === value);
}

/** The API's status for a filter: `owed` (pending and failed) when none is chosen. */
export function refundStatusQuery(filter: RefundFilter | undefined): RefundListQuery['status'] {
  return filter ?? 'owed';
}

/** What an empty list says, for each filter. */
export function emptyRefundsText(filter: RefundFilter | undefined): string {
  switch (filter) {
    case undefined:
      return 'No refunds owed — every refund has been paid back.';
    case 'failed':
      return 'No refunds need a retry.';
    case 'pending':
      return 'No refunds are being retried.';
    case 'succeeded':
      return 'No refunds paid back yet.';
  }
}

export interface RefundStatusView {
  /** Says the status in words, so it never rests on the badge's colour. */
  label: string;
  detail: string | null;
  tone: RefundEntry['status'];
}

/**
 * How a refund's status reads: a pending one is retried by the job on its own ("next try at …"),
 * a failed one ran out of retries and waits for a person.
 */
export function refundStatusView(
  refund: Pick<RefundEntry, 'status' | 'nextAttemptAt'>,
  now: number,
): RefundStatusView {
  switch (refund.status) {
    case 'failed':
      return { label: 'Needs a retry', detail: 'automatic retries ran out', tone: 'failed' };
    case 'succeeded':
      return { label: 'Paid back', detail: null, tone: 'succeeded' };
    case 'pending': {
      const next = refund.nextAttemptAt;
      const detail =
        next && Date.parse(next) > now ? `next try at ${formatPlacedAt(next)}` : 'next try any moment';
      return { label: 'Retrying automatically', detail, tone: 'pending' };
    }
  }
}

/** One row of the refunds table, ready to show. */
export interface RefundRow {
  id: string;
  eventName: string;
  eventHref: string;
  reference: string;
  orderHref: string;
  buyerName: string;
  buyerEmail: string;
  amount: string;
  status: RefundStatusView;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  since: string;
  /** Only a refund whose automatic retries ran out can be retried by hand. */
  retryable: boolean;
}

export function refundRow(refund: RefundEntry, now: number): RefundRow {
  return {
    id: refund.id,
    eventName: refund.eventName,
    eventHref: `/organizer/events/${refund.eventId}/orders`,
    reference: refund.orderReference,
    orderHref: `/account/orders/${refund.orderId}`,
    buyerName: refund.buyer.name,
    buyerEmail: refund.buyer.email,
    amount: formatMoney(refund.amount, refund.currency),
    status: refundStatusView(refund, now),
    attempts: refund.attempts,
    lastError: refund.lastError,
    createdAt: refund.createdAt,
    since: formatPlacedAt(refund.createdAt),
    retryable: refund.status === 'failed',
  };
}
