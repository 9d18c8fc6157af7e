import type { DbOrTx } from '../db/database';
import type { EventRow, PromotionRow, TicketTypeRow } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../shared/errors';
import type { SeatCount } from './inventory';
import type { DiscountRule } from './pricing';
import { checkPromotion } from './promo-rules';

/**
 * The one rule set for a sale. Placing an order checks it, and so does every way an order becomes
 * paid (a payment, a late payment, a webhook, a zero total): a rule enforced on one path and not
 * on another is a hole a buyer can use.
 */
export interface Sale {
  event: EventRow;
  /** The tiers the order asks for (those of this event only). */
  tiers: TicketTypeRow[];
  /** The promo code as the order names it, or null without one. */
  promo: PromotionRow | undefined | null;
}

export interface SaleMoment {
  /** Now: the event must be published and not cancelled at the moment the sale completes. */
  now: Date;
  /**
   * When the sales windows (event, tiers, promo code) are judged: when the order was placed, for a
   * payment that started before its hold ran out; otherwise now.
   */
  windowsAt: Date;
  /** The order already counts a use of its promo code (a live hold), so max uses is not re-checked here. */
  promoUseCounted: boolean;
}

const salesClosed = (message: string) => new ConflictError('sales_closed', message);

function within(at: Date, start: string | null, end: string | null): boolean {
  return (!start || at >= new Date(start)) && (!end || at < new Date(end));
}

/** Reads what a sale is checked against; the promo code by its code (placing) or id (paying). */
export async function loadSale(
  db: DbOrTx,
  eventId: string,
  items: SeatCount[],
  promo: { code: string } | { id: string } | null,
): Promise<Sale> {
  const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event) throw new NotFoundError('Event');
  const tiers = await db
    .selectFrom('ticket_types')
    .selectAll()
    .where('event_id', '=', eventId)
    .where(
      'id',
      'in',
      items.map((i) => i.ticketTypeId),
    )
    .execute();
  if (!promo) return { event, tiers, promo: null };
  let query = db.selectFrom('promotions').selectAll().where('event_id', '=', eventId);
  query = 'id' in promo ? query.where('id', '=', promo.id) : query.where('code_key', '=', promo.code);
  return { event, tiers, promo: await query.executeTakeFirst() };
}

/** Per-order minimum and maximum, and each tier's own sales window. */
function checkTiers(items: SeatCount[], tiers: TicketTypeRow[], at: Date): void {
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const tier = tiers.find((t) => t.id === item.ticketTypeId);
    if (!tier)
      return errors.push({ field: `items.${i}.ticketTypeId`, message: 'is not a ticket type of this event' });
    if (item.quantity < tier.min_per_order)
      errors.push({ field: `items.${i}.quantity`, message: `must be at least ${tier.min_per_order}` });
    if (tier.max_per_order !== null && item.quantity > tier.max_per_order) {
      errors.push({
        field: `items.${i}.quantity`,
        message: `must be at most ${tier.max_per_order} per order`,
      });
    }
  });
  if (errors.length) throw new ValidationError(errors);
  for (const tier of tiers) {
    if (!within(at, tier.sales_start, tier.sales_end)) throw salesClosed(`${tier.name} is not on sale now`);
  }
}

/**
 * Throws the first rule the sale breaks (404 for an unpublished event, `event_cancelled`,
 * `sales_closed`, `validation_failed` for per-order limits, `promo_invalid`); returns the
 * discount the promo code grants, if any.
 */
export function assertSaleAllowed(sale: Sale, items: SeatCount[], moment: SaleMoment): DiscountRule | null {
  const { event } = sale;
  if (event.status === 'draft') throw new NotFoundError('Event');
  if (event.status === 'cancelled') throw new ConflictError('event_cancelled', 'This event is cancelled');
  const at = moment.windowsAt;
  if (
    !within(at, event.sales_start, event.sales_end) ||
    (event.listed_until && at >= new Date(event.listed_until))
  )
    throw salesClosed('Ticket sales for this event are closed');
  checkTiers(items, sale.tiers, at);
  if (sale.promo === null) return null;
  return checkPromotion(sale.promo, at, items, { countUses: !moment.promoUseCounted });
}
