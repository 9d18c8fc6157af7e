'use client';

import Link from 'next/link';
import type { RefundRow } from './refund-list';
import styles from './refunds.module.css';
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
      <td>
        <Link href={row.eventHref}>{row.eventName}</Link>
        <br />
        <small>
          <Link href={filterHref} title="Show only this event's refunds">
            Only this event
          </Link>
        </small>
      </td>
      <th scope="row">
        <Link href={row.orderHref}>
          <code>{row.reference}</code>
        </Link>
      </th>
      <td>
        {row.buyerName}
        <br />
        <small>{row.buyerEmail}</small>
      </td>
      <td>{row.amount}</td>
      <td>
        <span className={`badge ${styles[row.status.tone]}`}>{row.status.label}</span>
        {row.status.detail ? (
          <>
            <br />
            <small>{row.status.detail}</small>
          </>
        ) : null}
      </td>
      <td>{row.attempts}</td>
      <td className={styles.lastError}>
        <small>{row.lastError ?? '—'}</small>
      </td>
      <td>
        <time dateTime={row.createdAt}>{row.since}</time>
      </td>
      <td>
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
