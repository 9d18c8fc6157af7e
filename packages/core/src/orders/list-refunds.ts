import type { CoreDeps } from '../shared/core-deps';
import type { Actor } from '../shared/actor';
import { fetchPage, type Page, type PageQuery } from '../shared/pagination';
import { REFUND_ENTRY_COLUMNS, refundsVisibleTo, toRefundEntry, type RefundEntry } from './refund-ledger';

/**
 * Which refunds to list. `owed` (the default): money the provider refused to pay back so far,
 * retried automatically (`pending`) or waiting for a person (`failed`).
 */
export type RefundListStatus = 'owed' | 'failed' | 'pending' | 'succeeded';

export interface RefundQuery extends PageQuery {
  status?: RefundListStatus;
  eventId?: string;
}

type Visible = ReturnType<typeof refundsVisibleTo>;

function owed(base: Visible): Visible {
  return base.where((eb) =>
    eb.or([
      eb('refunds.status', '=', 'failed'),
      eb.and([eb('refunds.status', '=', 'pending'), eb('refunds.last_error', 'is not', null)]),
    ]),
  );
}

/**
 * Refunds for the organizer's (their events) and admin's (all) refund lists, the longest owed
 * first; customers get 403.
 */
export async function listRefunds(
  deps: CoreDeps,
  actor: Actor,
  query: RefundQuery,
): Promise<Page<RefundEntry>> {
  let base = refundsVisibleTo(deps.db, actor);
  const status = query.status ?? 'owed';
  base = status === 'owed' ? owed(base) : base.where('refunds.status', '=', status);
  if (query.eventId) base = base.where('orders.event_id', '=', query.eventId);
  const rows = await fetchPage(base, query, (b) =>
    b
      .select(REFUND_ENTRY_COLUMNS)
      .orderBy('refunds.created_at', status === 'succeeded' ? 'desc' : 'asc')
      .orderBy('refunds.id'),
  );
  return { ...rows, items: rows.items.map(toRefundEntry) };
}

/** The figures behind the refunds badge: what is owed, and how much of it waits for a person. */
export async function countOwedRefunds(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ owed: number; failed: number }> {
  const row = await owed(refundsVisibleTo(deps.db, actor))
    .select((eb) => [
      eb.fn.countAll<number | string>().as('owed'),
      eb.fn
        .count<number | string>(eb.case().when('refunds.status', '=', 'failed').then(1).end())
        .as('failed'),
    ])
    .executeTakeFirstOrThrow();
  return { owed: Number(row.owed), failed: Number(row.failed) };
}
