import { ApiError, type RefundEntry } from '@eventhub/client';
import { formatMoney } from '../../lib/event-format';
import { toFormProblem, type CodeMessages } from '../../lib/form-problem';
import { announceRefundChanges } from './refund-changes';

const MESSAGES: CodeMessages = {
  refund_not_retryable:
    'This refund is not waiting for a retry any more: someone retried it already, or it was paid back. The list now shows where it stands.',
  not_found: 'This refund is no longer visible to you. The list now shows where things stand.',
  forbidden: "Only the event's organizer or an admin can retry a refund.",
};

export type RetryOutcome =
  { ok: true; refund: RefundEntry; message: string } | { ok: false; message: string };

/**
 * Sends a failed refund back to the refund job (`send` calls the retry route) and says how that
 * went. Either way the lists and badge on the page load again when the refund changed or turned
 * out to have changed under us (409, 404).
 */
export async function retryRefund(
  send: (refundId: string) => Promise<RefundEntry>,
  refund: Pick<RefundEntry, 'id' | 'amount' | 'currency' | 'buyer'>,
): Promise<RetryOutcome> {
  try {
    const retried = await send(refund.id);
    announceRefundChanges({ followUp: true });
    return {
      ok: true,
      refund: retried,
      message: `Retrying now: ${formatMoney(refund.amount, refund.currency)} goes back to ${refund.buyer.name} within moments.`,
    };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 409)) announceRefundChanges();
    return { ok: false, message: toFormProblem(error, [], MESSAGES).message ?? 'Something went wrong.' };
  }
}
