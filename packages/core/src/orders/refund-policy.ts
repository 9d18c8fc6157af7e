import type { EventRow } from '../db/schema';
import { ConflictError } from '../shared/errors';

/** The event fields the buyer's refund policy reads. */
export type RefundPolicyFields = Pick<EventRow, 'starts_at' | 'refund_until_hours_before'>;

/**
 * Until when a buyer may refund by themselves: the event's `refund_until_hours_before` hours
 * before its start. Null when the event offers buyers no refunds (only the organizer refunds).
 * The order view shows this and `assertBuyerMayRefund` enforces it, so they cannot disagree.
 */
export function buyerRefundDeadline(event: RefundPolicyFields): Date | null {
  if (!event.starts_at || event.refund_until_hours_before === null) return null;
  return new Date(new Date(event.starts_at).getTime() - event.refund_until_hours_before * 3_600_000);
}

/** Refuses a buyer's own refund outside the policy; organizers and admins are not asked. */
export function assertBuyerMayRefund(event: RefundPolicyFields, now: Date): void {
  const deadline = buyerRefundDeadline(event);
  if (deadline === null) {
    throw new ConflictError(
      'refund_not_allowed',
      'This event does not offer refunds to buyers; contact the organizer',
    );
  }
  if (now.getTime() > deadline.getTime()) {
    throw new ConflictError(
      'refund_window_closed',
      `Refunds closed ${event.refund_until_hours_before} hours before the event`,
    );
  }
}
