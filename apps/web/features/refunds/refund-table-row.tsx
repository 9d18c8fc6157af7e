'use client';

import Link from 'next/link';
import type { RefundRow } from './refund-list';
import styles from './refunds.module.css';
import { BreakableText } from '@/components/breakable-text';
import { ActionFeedback } from '@/components/action-feedback';

/** What the row's last "Retry now" came to, while it runs and after. */
export interface RetryState {
  busy: boolean;
  ok: boolean | null;
  message: string | null;
}

/** One refund owed: who is owed what, why the provider refused, and a retry once it needs one. */
export function RefundTableRow({
  row,
  retry,
  onRetry,
  filterHref,
}: {
  row: RefundRow;
  retry: RetryState | undefined;
  onRetry: () => void;
  /** This event's refunds only. */
  filterHref: string;
}) {
  const busy = retry?.busy ?? false;
  return (
    <tr data-testid={`refund-${row.id}`}>
      <td data-label="Event">
        <Link href={row.eventHref}>{row.eventName}</Link>
        <br />
        <small>
          <Link href={filterHref} title="Show only this event's refunds">
            Only this event
          </Link>
        </small>
      </td>
      <th scope="row" data-label="Order">
        <Link href={row.orderHref}>
          <code>{row.reference}</code>
        </Link>
      </th>
      <td data-label="Buyer">
        {row.buyerName}
        <br />
        <small className="cell-email">
          <BreakableText text={row.buyerEmail} />
        </small>
      </td>
      <td data-label="Amount">{row.amount}</td>
      <td data-label="Status">
        <span className={`badge ${styles[row.status.tone]}`}>{row.status.label}</span>
        {row.status.detail ? (
          <>
            <br />
            <small>{row.status.detail}</small>
          </>
        ) : null}
      </td>
      <td data-label="Attempts">{row.attempts}</td>
      <td data-label="Provider's last error" className={styles.lastError}>
        <small>{row.lastError ?? '—'}</small>
      </td>
      {/* The column's heading: paid-back refunds were requested, the others are owed. */}
      <td data-label={row.status.tone === 'succeeded' ? 'Requested' : 'Owed since'}>
        <time dateTime={row.createdAt}>{row.since}</time>
      </td>
      <td data-label="">
        {row.retryable ? (
          <button
            type="button"
            className="compact"
            onClick={() => {
              if (!busy) onRetry();
            }}
            aria-disabled={busy || undefined}
            aria-busy={busy || undefined}
          >
            Retry now<span className="visually-hidden"> the refund for order {row.reference}</span>
          </button>
        ) : null}
        <ActionFeedback
          error={retry && retry.ok === false ? retry.message : null}
          notice={retry?.ok ? retry.message : null}
        />
      </td>
    </tr>
  );
}
