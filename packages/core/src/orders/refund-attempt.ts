import { writeAudit } from '../audit/write-audit';
import type { RefundRow, RefundStatus } from '../db/schema';
import type { OrderDeps } from './order-deps';
import { describeRefusal, maxRefundAttempts, REFUND_SCHEDULE, type RefundSchedule } from './refund-schedule';

/**
 * One attempt at paying a pending refund back through the provider, for whoever wins its claim:
 * the refund use cases right after their commit, or the refund job (`deliver-refunds.ts`) later.
 * The claim is one conditional UPDATE on the attempt count, so concurrent callers (several API
 * processes) ask the provider once per attempt; the refund id is the provider's idempotency key,
 * so an attempt repeated after a crash pays nothing twice. A refusal schedules the next attempt
 * (`refund-schedule.ts`) or, after the last, leaves the refund `failed` for a person. Every
 * outcome is audited. Returns the refund's status afterwards, or null when another caller holds
 * the claim.
 */
export async function attemptRefund(
  deps: Pick<OrderDeps, 'db' | 'clock' | 'payments'>,
  refund: RefundRow,
  schedule: RefundSchedule = REFUND_SCHEDULE,
): Promise<RefundStatus | null> {
  const { db, clock } = deps;
  const attempt = refund.attempts + 1;
  const claimedAt = clock.now();
  const claim = await db
    .updateTable('refunds')
    .set({
      attempts: attempt,
      next_attempt_at: new Date(claimedAt.getTime() + schedule.claimLeaseMs).toISOString(),
      updated_at: claimedAt.toISOString(),
    })
    .where('id', '=', refund.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', refund.attempts)
    .executeTakeFirst();
  if (Number(claim.numUpdatedRows) !== 1) return null;

  const order = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', refund.order_id)
    .executeTakeFirstOrThrow();
  let providerRef: string;
  try {
    ({ ref: providerRef } = await deps.payments.refund(order, refund.amount, refund.id));
  } catch (error) {
    return recordRefusal(deps, refund, attempt, describeRefusal(error), schedule);
  }

  const now = clock.now().toISOString();
  return db.transaction().execute(async (tx): Promise<RefundStatus> => {
    // Whatever happened meanwhile (a lease that ran out and a second attempt), the money went
    // back: record it unless a success already was.
    const done = await tx
      .updateTable('refunds')
      .set({ status: 'succeeded', provider_ref: providerRef, next_attempt_at: null, updated_at: now })
      .where('id', '=', refund.id)
      .where('status', '!=', 'succeeded')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return 'succeeded';
    await writeAudit(tx, clock, {
      actorId: null,
      action: 'refund.succeeded',
      targetType: 'refund',
      targetId: refund.id,
      details: {
        orderId: refund.order_id,
        amount: refund.amount,
        currency: refund.currency,
        attempt,
        providerRef,
      },
    });
    return 'succeeded';
  });
}

async function recordRefusal(
  deps: Pick<OrderDeps, 'db' | 'clock'>,
  refund: RefundRow,
  attempt: number,
  error: string,
  schedule: RefundSchedule,
): Promise<RefundStatus | null> {
  const { clock } = deps;
  const now = clock.now();
  const exhausted = attempt >= maxRefundAttempts(schedule);
  const delay = schedule.retryDelaysMs[attempt - 1] ?? 0;
  const nextAttemptAt = exhausted ? null : new Date(now.getTime() + delay).toISOString();
  return deps.db.transaction().execute(async (tx): Promise<RefundStatus | null> => {
    // Only while this attempt still owns the refund: a later attempt's result is the newer news.
    const recorded = await tx
      .updateTable('refunds')
      .set({
        status: exhausted ? 'failed' : 'pending',
        next_attempt_at: nextAttemptAt,
        last_error: error,
        updated_at: now.toISOString(),
      })
      .where('id', '=', refund.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', attempt)
      .executeTakeFirst();
    if (Number(recorded.numUpdatedRows) !== 1) return null;
    const details = {
      orderId: refund.order_id,
      amount: refund.amount,
      currency: refund.currency,
      attempt,
      error,
    };
    await writeAudit(tx, clock, {
      actorId: null,
      action: 'refund.attempt_failed',
      targetType: 'refund',
      targetId: refund.id,
      details: { ...details, nextAttemptAt },
    });
    if (exhausted)
      await writeAudit(tx, clock, {
        actorId: null,
        action: 'refund.failed',
        targetType: 'refund',
        targetId: refund.id,
        details,
      });
    return exhausted ? 'failed' : 'pending';
  });
}
