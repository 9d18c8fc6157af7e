import { writeAudit } from '../audit/write-audit';
import type { Actor, RequestMeta } from '../shared/actor';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { OrderDeps } from './order-deps';
import { REFUND_ENTRY_COLUMNS, refundsVisibleTo, toRefundEntry, type RefundEntry } from './refund-ledger';

/**
 * A person sends a refund whose automatic retries ran out back to the refund job: it is due at
 * once, with a fresh round of retries. For the event's organizer and admins; another organizer
 * gets 404, customers 403; a refund that is not `failed` is 409 `refund_not_retryable`.
 */
export async function retryRefund(
  deps: OrderDeps,
  actor: Actor,
  refundId: string,
  meta: RequestMeta,
): Promise<RefundEntry> {
  const find = () =>
    refundsVisibleTo(deps.db, actor)
      .select(REFUND_ENTRY_COLUMNS)
      .where('refunds.id', '=', refundId)
      .executeTakeFirst();
  const refund = await find();
  if (!refund) throw new NotFoundError('Refund');
  const notRetryable = () =>
    new ConflictError(
      'refund_not_retryable',
      `The refund is ${refund.status}; only a failed refund can be retried`,
      {
        refundStatus: refund.status,
      },
    );
  if (refund.status !== 'failed') throw notRetryable();

  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const reopened = await tx
      .updateTable('refunds')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
      .where('id', '=', refundId)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    // Another person retried it a moment ago.
    if (Number(reopened.numUpdatedRows) !== 1) throw notRetryable();
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'refund.retried',
      targetType: 'refund',
      targetId: refundId,
      ip: meta.ip,
      details: {
        orderId: refund.order_id,
        amount: refund.amount,
        currency: refund.currency,
        attempts: Number(refund.attempts),
        lastError: refund.last_error,
      },
    });
  });
  deps.afterCommit.refundQueued();
  const after = await find();
  return toRefundEntry(after!);
}
