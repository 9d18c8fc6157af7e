'use client';

import { owedBadge } from './owed-badge';
import type { RefundScope } from './refund-scope';
import styles from './refunds.module.css';
import { useRefundChangesVersion } from './use-refund-changes';
import { useApiData } from '@/lib/use-api-data';

/**
 * The owed count, loaded for `scope` and again whenever refunds change on the page; null while
 * nothing is owed. A failed load shows no badge rather than breaking the navigation around it.
 */
export function useOwedBadge(scope: RefundScope) {
  const version = useRefundChangesVersion();
  const count = useApiData((client) => client[scope].refunds.owedCount(), `${scope}:${version}`);
  return owedBadge(count.data);
}

/** The number next to "Refunds"; its meaning is spelled out for screen readers, not left to colour. */
export function OwedBadgeView({ badge }: { badge: ReturnType<typeof owedBadge> }) {
  if (!badge) return null;
  return (
    <span
      className={`badge ${styles.count} ${badge.warning ? styles.warning : ''}`}
      title={badge.label}
      data-testid="refunds-owed-badge"
    >
      <span aria-hidden="true">
        {badge.warning ? '⚠ ' : ''}
        {badge.text}
      </span>
      <span className="visually-hidden"> ({badge.label})</span>
    </span>
  );
}
