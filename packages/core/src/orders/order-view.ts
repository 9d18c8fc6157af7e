import type { DbOrTx } from '../db/database';
import type { OrderRow, OrderStatus, TicketRow, TicketStatus } from '../db/schema';
import { toMajorUnits } from '../shared/money';
import { taxRatePercent } from '../shared/tax-rate';
import type { Billing } from '../invoicing/billing';
import { buyerRefundDeadline } from './refund-policy';
import { loadOrderAnswers, type AnswerView } from '../questions/order-answers';
import {
  holderChangeWindow,
  type HolderChangeWindow,
  type TicketChangeFields,
} from './ticket-change-deadline';

export interface TicketView {
  id: string;
  ticketTypeId: string;
  ticketTypeName: string;
  holderName: string;
  holderEmail: string | null;
  status: TicketStatus;
  code: string;
  qrUrl: string;
  price: number;
  checkedInAt: string | null;
}

export interface OrderView {
  id: string;
  /** Short human reference (`K7QX-4R9M`). */
  reference: string;
  eventId: string;
  eventName: string;
  /** The buyer's account; null for a guest order. */
  buyerId: string | null;
  /** Who bought (the account's or the guest's name and address when the order was placed). */
  buyer: { name: string; email: string };
  /** The order's access token: only in the answer that placed the order (and in mailed links). */
  orderToken?: string;
  /** Until when the buyer may refund by themselves (null: only the organizer can refund). */
  refundableUntil: string | null;
  /** Whether and until when the buyer may change a ticket's holder (the event's setting). */
  holderChanges: HolderChangeWindow;
  status: OrderStatus;
  expiresAt: string;
  items: {
    ticketTypeId: string;
    name: string;
    quantity: number;
    unitPrice: number;
    discount: number;
    total: number;
    /** Percent applied to the line (0 under reverse charge). */
    taxRate: number;
    /** The tax in `total`. */
    tax: number;
  }[];
  /** Before discounts; includes tax added on top of prices entered without it. */
  subtotal: number;
  discount: number;
  /** What the buyer pays. */
  total: number;
  /** The tax in `total`. */
  tax: number;
  /** EU reverse charge: no VAT charged, the buyer accounts for it. */
  reverseCharge: boolean;
  /** The billing details given at checkout, for the invoice. */
  billing: Billing | null;
  refunded: number;
  currency: string;
  promoCode: string | null;
  payment: {
    provider: string;
    status: 'required' | 'not_required' | 'completed' | 'closed';
    clientSecret?: string;
  };
  createdAt: string;
  paidAt: string | null;
  tickets?: TicketView[];
  /** The buyer's answers to the event's questions (order questions, then each attendee's). */
  answers: AnswerView[];
}

function paymentStatus(order: OrderRow): OrderView['payment']['status'] {
  if (order.status === 'pending') return order.total === 0 ? 'not_required' : 'required';
  if (order.paid_at) return 'completed';
  return 'closed';
}

export function toTicketView(ticket: TicketRow, tierName: string, currency: string): TicketView {
  return {
    id: ticket.id,
    ticketTypeId: ticket.ticket_type_id,
    ticketTypeName: tierName,
    holderName: ticket.holder_name,
    holderEmail: ticket.holder_email,
    status: ticket.status,
    code: ticket.code,
    qrUrl: `/api/tickets/${ticket.id}/qr.png`,
    price: toMajorUnits(ticket.price_paid, currency),
    checkedInAt: ticket.checked_in_at,
  };
}

/**
 * Views of many orders in two queries (events, items), whatever the number of orders:
 * order lists must not cost a round trip per row.
 */
export async function loadOrderViews(db: DbOrTx, orders: OrderRow[]): Promise<OrderView[]> {
  if (orders.length === 0) return [];
  const unique = (values: string[]) => [...new Set(values)];
  const [events, items, answers] = await Promise.all([
    db
      .selectFrom('events')
      .select(['id', 'name', 'starts_at', 'refund_until_hours_before', 'holder_change_until_hours_before'])
      .where('id', 'in', unique(orders.map((o) => o.event_id)))
      .execute(),
    db
      .selectFrom('order_items')
      .innerJoin('ticket_types', 'ticket_types.id', 'order_items.ticket_type_id')
      .select([
        'order_items.order_id',
        'order_items.ticket_type_id',
        'order_items.quantity',
        'order_items.unit_price',
        'order_items.discount',
        'order_items.total',
        'order_items.tax_rate',
        'order_items.tax',
        'ticket_types.name',
      ])
      .where(
        'order_items.order_id',
        'in',
        orders.map((o) => o.id),
      )
      .orderBy('order_items.id')
      .execute(),
    loadOrderAnswers(
      db,
      orders.map((o) => o.id),
    ),
  ]);
  const eventById = new Map(events.map((e) => [e.id, e]));
  return orders.map((order) => ({
    ...toOrderView(
      order,
      eventById.get(order.event_id)!,
      items.filter((i) => i.order_id === order.id),
      null,
    ),
    answers: answers.get(order.id) ?? [],
  }));
}

/** One order's view; tickets only when asked (they exist once paid). */
export async function loadOrderView(
  db: DbOrTx,
  order: OrderRow,
  options: { withTickets?: boolean; clientSecret?: string } = {},
): Promise<OrderView> {
  const [[view], tickets] = await Promise.all([
    loadOrderViews(db, [order]),
    options.withTickets
      ? db.selectFrom('tickets').selectAll().where('order_id', '=', order.id).orderBy('id').execute()
      : Promise.resolve(null),
  ]);
  const names = new Map(view!.items.map((i) => [i.ticketTypeId, i.name]));
  return {
    ...view!,
    ...(options.clientSecret ? { payment: { ...view!.payment, clientSecret: options.clientSecret } } : {}),
    ...(tickets
      ? { tickets: tickets.map((t) => toTicketView(t, names.get(t.ticket_type_id) ?? '', order.currency)) }
      : {}),
  };
}

export interface OrderLine {
  ticket_type_id: string;
  name: string;
  quantity: number;
  unit_price: number;
  discount: number;
  total: number;
  tax_rate: number;
  tax: number;
}

/** Shapes an order for the API from rows already in hand (no queries). */
export function toOrderView(
  order: OrderRow,
  event: { name: string; refund_until_hours_before: number | null } & TicketChangeFields,
  items: OrderLine[],
  tickets: TicketRow[] | null,
  clientSecret?: string,
): Omit<OrderView, 'answers'> {
  const major = (minor: number) => toMajorUnits(minor, order.currency);
  const tierNames = new Map(items.map((i) => [i.ticket_type_id, i.name]));
  return {
    id: order.id,
    reference: order.reference,
    eventId: order.event_id,
    eventName: event.name,
    buyerId: order.buyer_id,
    buyer: { name: order.buyer_name, email: order.buyer_email },
    refundableUntil: buyerRefundDeadline(event)?.toISOString() ?? null,
    holderChanges: holderChangeWindow(event),
    status: order.status,
    expiresAt: order.expires_at,
    items: items.map((i) => ({
      ticketTypeId: i.ticket_type_id,
      name: i.name,
      quantity: i.quantity,
      unitPrice: major(i.unit_price),
      discount: major(i.discount),
      total: major(i.total),
      taxRate: taxRatePercent(i.tax_rate),
      tax: major(i.tax),
    })),
    subtotal: major(order.subtotal),
    discount: major(order.discount),
    total: major(order.total),
    tax: major(order.tax),
    reverseCharge: order.reverse_charge === 1,
    billing: order.billing ? (JSON.parse(order.billing) as Billing) : null,
    refunded: major(order.refunded_amount),
    currency: order.currency,
    promoCode: order.promo_code,
    payment: {
      provider: order.payment_provider,
      status: paymentStatus(order),
      ...(clientSecret ? { clientSecret } : {}),
    },
    createdAt: order.created_at,
    paidAt: order.paid_at,
    ...(tickets
      ? {
          tickets: tickets.map((t) => toTicketView(t, tierNames.get(t.ticket_type_id) ?? '', order.currency)),
        }
      : {}),
  };
}
