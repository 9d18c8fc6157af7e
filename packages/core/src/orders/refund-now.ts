import type { RefundStatus } from '../db/schema';
import type { OrderDeps } from './order-deps';
import { attemptRefund } from './refund-attempt';
import { REFUND_SCHEDULE } from './refund-schedule';

/**
 * The retry state a new refund is written with, in the transaction that owes it: pending, with
 * its first attempt to be made right after the commit (`payBackNow`). Should the process stop
 * before that, the refund job finds it due a little later. Nothing is owed for a zero amount.
 */
export function firstAttemptState(now: Date, owed = true) {
  return {
    attempts: 0,
    next_attempt_at: owed
      ? new Date(now.getTime() + REFUND_SCHEDULE.firstAttemptGraceMs).toISOString()
      : null,
    last_error: null,
    updated_at: now.toISOString(),
  };
}

/**
 * The first attempt at a refund just committed, so the buyer usually has their money at once
 * (`succeeded`). A refusal leaves it `pending` for the refund job, which retries it.
 */
export async function payBackNow(deps: OrderDeps, refundId: string): Promise<RefundStatus> {
  const refund = await deps.db
    .selectFrom('refunds')
    .selectAll()
    .where('id', '=', refundId)
    .executeTakeFirstOrThrow();
  if (refund.status !== 'pending') return refund.status;
  const status = await attemptRefund(deps, refund);
  if (status) return status;
  // The job claimed it first (this process was slow to get here): say what it is now.
  const now = await deps.db
    .selectFrom('refunds')
    .select('status')
    .where('id', '=', refundId)
    .executeTakeFirstOrThrow();
  return now.status;
}
