/**
 * When the refund job asks the provider again. Tests move the clock; they need not change these.
 */
export interface RefundSchedule {
  /** Wait after the n-th refused attempt (n = 1, 2, …); one attempt more than delays, then `failed`. */
  retryDelaysMs: readonly number[];
  /**
   * How long a claimed attempt owns its refund. A process that died while asking the provider
   * leaves the refund due again after this, so it must outlast any provider call (Stripe's SDK:
   * 80 s per try, two network retries).
   */
  claimLeaseMs: number;
  /**
   * A new refund is asked for right after its commit. If the process dies before that, the job
   * takes it once this has passed.
   */
  firstAttemptGraceMs: number;
}

const MINUTE = 60_000;

/** 1 min, 5 min, 30 min, 2 h: five attempts over about two and a half hours, then a person. */
export const REFUND_SCHEDULE: RefundSchedule = {
  retryDelaysMs: [MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE],
  claimLeaseMs: 10 * MINUTE,
  firstAttemptGraceMs: MINUTE,
};

export function maxRefundAttempts(schedule: RefundSchedule): number {
  return schedule.retryDelaysMs.length + 1;
}

/** What the provider's refusal said, short enough for a list row and the audit log. */
export function describeRefusal(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text || 'unknown error').slice(0, 500);
}
