import type { OwedRefundCount } from '@eventhub/client';

export interface OwedBadge {
  /** The number on the badge. */
  text: string;
  /** What the number means, for screen readers and the tooltip. */
  label: string;
  /** Some refunds ran out of automatic retries and wait for a person. */
  warning: boolean;
}

/** The badge next to "Refunds", or null (no badge) while nothing is owed or the count is unknown. */
export function owedBadge(count: OwedRefundCount | null | undefined): OwedBadge | null {
  if (!count || count.owed <= 0) return null;
  const owed = `${count.owed} ${count.owed === 1 ? 'refund' : 'refunds'} owed`;
  return {
    text: String(count.owed),
    label:
      count.failed > 0 ? `${owed}, ${count.failed} ${count.failed === 1 ? 'needs' : 'need'} a retry` : owed,
    warning: count.failed > 0,
  };
}
