import type { CoreDeps } from '../shared/core-deps';
import { findManagedEvent } from '../events/event-access';
import { toMajorUnits } from '../shared/money';
import type { Actor } from '../shared/actor';
import { csvLine } from './csv';
import { answerColumns } from './answer-columns';
import { after, keysetPages, type CsvExport } from './keyset-pages';

const PAGE = 1000;

function fileSafe(name: string): string {
  return (
    name
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'event'
  );
}

/**
 * The event's sold orders (paid, or refunded later) as CSV, oldest sale first, for its organizer
 * or an admin (others: 404). Access is checked before the first line is produced.
 */
export async function exportEventOrders(
  deps: CoreDeps,
  actor: Actor,
  eventId: string,
  pageSize = PAGE,
): Promise<CsvExport> {
  const { db } = deps;
  const event = await findManagedEvent(db, actor, eventId);
  const money = (minor: number) => toMajorUnits(minor, event.currency);
  const answers = await answerColumns(db, event.id, ['order']);
  async function* lines() {
    yield csvLine([
      'order_id',
      'paid_at',
      'status',
      'buyer_name',
      'buyer_email',
      'currency',
      'subtotal',
      'discount',
      'total',
      'refunded',
      'promo_code',
      ...answers.header,
    ]);
    for await (const o of keysetPages(
      (cursor: { paid_at: string | null; id: string } | null) =>
        db
          .selectFrom('orders')
          .select([
            'orders.id',
            'orders.paid_at',
            'orders.status',
            'orders.currency',
            'orders.subtotal',
            'orders.discount',
            'orders.total',
            'orders.refunded_amount',
            'orders.promo_code',
            // The order's own buyer fields: a guest order has no account to join.
            'orders.buyer_name as name',
            'orders.buyer_email as email',
          ])
          .where('orders.event_id', '=', event.id)
          .where('orders.paid_at', 'is not', null)
          .$if(cursor !== null, (qb) =>
            qb.where(after('orders.paid_at', 'orders.id', cursor!.paid_at!, cursor!.id)),
          )
          .orderBy('orders.paid_at')
          .orderBy('orders.id')
          .limit(pageSize)
          .execute(),
      pageSize,
      (rows) => answers.loadPage(rows.map((r) => r.id)),
    )) {
      yield csvLine([
        o.id,
        o.paid_at,
        o.status,
        o.name,
        o.email,
        o.currency,
        money(o.subtotal),
        money(o.discount),
        money(o.total),
        money(o.refunded_amount),
        o.promo_code,
        ...answers.cells(o.id, null),
      ]);
    }
  }
  return { filename: `${fileSafe(event.name)}-orders.csv`, lines: lines() };
}

/** Every ticket of the event with its holder, as CSV, for its organizer or an admin. */
export async function exportEventAttendees(
  deps: CoreDeps,
  actor: Actor,
  eventId: string,
  pageSize = PAGE,
): Promise<CsvExport> {
  const { db } = deps;
  const event = await findManagedEvent(db, actor, eventId);
  const tiers = new Map(
    (
      await db.selectFrom('ticket_types').select(['id', 'name']).where('event_id', '=', event.id).execute()
    ).map((t) => [t.id, t.name]),
  );
  const answers = await answerColumns(db, event.id);
  async function* lines() {
    yield csvLine([
      'ticket_id',
      'order_id',
      'ticket_type',
      'holder_name',
      'holder_email',
      'age_range',
      'country',
      'status',
      'price_paid',
      'currency',
      'sold_at',
      'checked_in_at',
      ...answers.header,
    ]);
    for await (const t of keysetPages(
      (cursor: { created_at: string; id: string } | null) =>
        db
          .selectFrom('tickets')
          .select([
            'id',
            'order_id',
            'ticket_type_id',
            'holder_name',
            'holder_email',
            'age_range',
            'country',
            'status',
            'price_paid',
            'created_at',
            'checked_in_at',
            'seat',
          ])
          .where('event_id', '=', event.id)
          .$if(cursor !== null, (qb) => qb.where(after('created_at', 'id', cursor!.created_at, cursor!.id)))
          .orderBy('created_at')
          .orderBy('id')
          .limit(pageSize)
          .execute(),
      pageSize,
      (rows) => answers.loadPage(rows.map((r) => r.order_id)),
    )) {
      yield csvLine([
        t.id,
        t.order_id,
        tiers.get(t.ticket_type_id) ?? '',
        t.holder_name,
        t.holder_email,
        t.age_range,
        t.country,
        t.status,
        toMajorUnits(t.price_paid, event.currency),
        event.currency,
        t.created_at,
        t.checked_in_at,
        ...answers.cells(t.order_id, t.seat),
      ]);
    }
  }
  return { filename: `${fileSafe(event.name)}-attendees.csv`, lines: lines() };
}
