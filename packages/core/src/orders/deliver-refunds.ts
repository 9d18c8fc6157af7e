import type { RefundStatus } from '../db/schema';
import { attemptRefund } from './refund-attempt';
import type { OrderDeps } from './order-deps';
import { REFUND_SCHEDULE, type RefundSchedule } from './refund-schedule';

export interface RefundPass {
  succeeded: number;
  /** Refused again, with another attempt scheduled. */
  retrying: number;
  /** Refused for the last time: now `failed`, waiting for a person. */
  failed: number;
}

/**
 * The refund job: asks the provider for every pending refund whose next attempt is due, oldest
 * due first. Each refund is claimed by `attemptRefund` with a conditional update, so every API
 * process may run this at once and the provider is still asked once per attempt.
 */
export async function deliverRefunds(
  deps: OrderDeps,
  options: { limit?: number; schedule?: RefundSchedule } = {},
): Promise<RefundPass> {
  const due = await deps.db
    .selectFrom('refunds')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', deps.clock.now().toISOString())
    .orderBy('next_attempt_at')
    .limit(options.limit ?? 50)
    .execute();
  const pass: RefundPass = { succeeded: 0, retrying: 0, failed: 0 };
  const counted: Partial<Record<RefundStatus, keyof RefundPass>> = {
    succeeded: 'succeeded',
    pending: 'retrying',
    failed: 'failed',
  };
  for (const refund of due) {
    const status = await attemptRefund(deps, refund, options.schedule ?? REFUND_SCHEDULE);
    const key = status ? counted[status] : undefined;
    if (key) pass[key]++;
  }
  return pass;
}
