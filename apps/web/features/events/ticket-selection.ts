import type { BillingInput, Event, PlaceOrderInput, Question, TicketType } from '@eventhub/client';
import { answersFor, orderQuestions, seatQuestions, type AnswerDraft } from './checkout-questions';
import { sumMoney } from '../../lib/money';
import type { AgeRange } from '../orders/orders-api';

/** The rules of the public ticket selector: what can be bought, and the order it becomes. */

export type TierSale =
  | { state: 'on_sale'; max: number }
  | { state: 'sold_out' }
  | { state: 'not_yet'; opens: string }
  | { state: 'ended' };

type SaleWindow = { salesStart: string | null; salesEnd: string | null };

function windowState(window: SaleWindow, now: number): TierSale | null {
  if (window.salesStart && Date.parse(window.salesStart) > now)
    return { state: 'not_yet', opens: window.salesStart };
  if (window.salesEnd && Date.parse(window.salesEnd) <= now) return { state: 'ended' };
  return null;
}

/**
 * Whether a tier is on sale now and the most one order may take of it: what is left (the API
 * already counts the event's shared capacity in `remaining`) and the tier's per-order maximum.
 * A tier with fewer left than its per-order minimum is as good as sold out.
 */
export function tierSale(
  event: Pick<Event, 'salesStart' | 'salesEnd'>,
  tier: TicketType,
  now: number,
): TierSale {
  const closed = windowState(event, now) ?? windowState(tier, now);
  if (closed) return closed;
  const max = Math.min(tier.remaining, tier.maxPerOrder ?? Infinity);
  if (tier.soldOut || max < tier.minPerOrder || max <= 0) return { state: 'sold_out' };
  return { state: 'on_sale', max };
}

export type Quantities = Readonly<Record<string, number>>;

function chosen(quantities: Quantities, tierId: string): number {
  return quantities[tierId] ?? 0;
}

/** The most of `tier` this order can hold, given what the other tiers already take of the event. */
export function tierCap(event: Event, tier: TicketType, quantities: Quantities, now: number): number {
  const sale = tierSale(event, tier, now);
  if (sale.state !== 'on_sale') return 0;
  const others = event.ticketTypes
    .filter((t) => t.id !== tier.id)
    .reduce((sum, t) => sum + chosen(quantities, t.id), 0);
  return Math.max(0, Math.min(sale.max, event.remaining - others));
}

/**
 * The chosen quantities as far as they can still be had: a tier that sold out or closed while the
 * buyer was choosing (the live counts say so) counts as none, one with fewer left than chosen as
 * what is left. What the selector shows, totals and reserves.
 */
export function availableQuantities(
  quantities: Quantities,
  sales: ReadonlyMap<string, TierSale>,
): Quantities {
  return Object.fromEntries(
    Object.entries(quantities).map(([tierId, q]) => {
      const sale = sales.get(tierId);
      return [tierId, sale?.state === 'on_sale' ? Math.min(q, sale.max) : 0];
    }),
  );
}

/** One more: from none straight to the tier's minimum per order, else by one, never past `cap`. */
export function stepUp(quantity: number, tier: TicketType, cap: number): number {
  if (quantity === 0) return tier.minPerOrder <= cap ? tier.minPerOrder : 0;
  return Math.min(quantity + 1, cap);
}

/** One fewer: below the tier's minimum per order means none. */
export function stepDown(quantity: number, tier: TicketType): number {
  return quantity <= tier.minPerOrder ? 0 : quantity - 1;
}

/** A typed-in quantity, kept a whole number within 0 and `cap`. */
export function clampQuantity(value: string, cap: number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) ? Math.min(Math.max(0, n), cap) : 0;
}

/** "Up to 4 per order", "2–6 per order", "At least 2 per order", or "" when there is no rule. */
export function perOrderRule(tier: Pick<TicketType, 'minPerOrder' | 'maxPerOrder'>): string {
  const { minPerOrder: min, maxPerOrder: max } = tier;
  if (max === null) return min > 1 ? `At least ${min} per order` : '';
  if (min === max) return `Exactly ${min} per order`;
  return min > 1 ? `${min}–${max} per order` : `Up to ${max} per order`;
}

/** Quantities the API would refuse by the tier's own rules, keyed by tier id. */
export function quantityProblems(
  tiers: readonly TicketType[],
  quantities: Quantities,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const tier of tiers) {
    const q = chosen(quantities, tier.id);
    if (q > 0 && q < tier.minPerOrder) problems[tier.id] = `Choose at least ${tier.minPerOrder} or none.`;
    else if (tier.maxPerOrder !== null && q > tier.maxPerOrder)
      problems[tier.id] = `At most ${tier.maxPerOrder} per order.`;
  }
  return problems;
}

/** One chosen ticket; the attendee form follows these, in the order the API wants attendees. */
export interface Seat {
  /** Stable while quantities change elsewhere: "tierId:2" is the second ticket of that tier. */
  key: string;
  tier: TicketType;
  /** 1-based within its tier. */
  number: number;
}

export function seatsOf(tiers: readonly TicketType[], quantities: Quantities): Seat[] {
  return tiers.flatMap((tier) =>
    Array.from({ length: chosen(quantities, tier.id) }, (_, i) => ({
      key: `${tier.id}:${i + 1}`,
      tier,
      number: i + 1,
    })),
  );
}

export function ticketTotal(quantities: Quantities): number {
  return Object.values(quantities).reduce((sum, q) => sum + q, 0);
}

/** List price of the selection, before any promo code (the API prices the order itself). */
export function selectionSubtotal(tiers: readonly TicketType[], quantities: Quantities, currency: string) {
  return sumMoney(
    tiers.map((t) => ({ amount: t.price, quantity: chosen(quantities, t.id) })),
    currency,
  );
}

/**
 * What the selection's list price says about tax: " + VAT" where the event adds it at checkout,
 * " incl. VAT" where its prices include it, nothing when no chosen tier is taxed.
 */
export function selectionTaxNote(
  event: Pick<Event, 'pricesIncludeTax'>,
  tiers: readonly Pick<TicketType, 'id' | 'price' | 'taxRate'>[],
  quantities: Quantities,
): string {
  const taxed = tiers.some((t) => t.taxRate > 0 && t.price > 0 && chosen(quantities, t.id) > 0);
  if (!taxed) return '';
  return event.pricesIncludeTax ? ' incl. VAT' : ' + VAT';
}

export interface AttendeeDraft {
  name: string;
  email: string;
  ageRange: AgeRange | '';
  country: string;
}

export const EMPTY_ATTENDEE: AttendeeDraft = { name: '', email: '', ageRange: '', country: '' };

export interface PlacedRequest {
  body: PlaceOrderInput;
  /** The tier of each item, by the item's index in the body: where `items.N.*` errors go. */
  itemTiers: string[];
  /** The seat of each attendee, by index: where `attendees.N.*` errors go. */
  attendeeSeats: string[];
}

/**
 * The order to place. Every ticket gets an attendee; a name or e-mail left empty is the buyer's
 * own, so a buyer of several tickets need not type anything twice. A guest's order (no account)
 * names its buyer, to whom the API sends the tickets and the order's link. Billing details go
 * along when the order asks for an invoice (`billingFor`).
 */
export function buildOrderRequest(input: {
  eventId: string;
  tiers: readonly TicketType[];
  quantities: Quantities;
  attendees: Readonly<Record<string, AttendeeDraft>>;
  buyer: { name: string; email: string };
  asGuest?: boolean;
  promoCode: string;
  questions?: readonly Question[];
  answers?: Readonly<Record<string, AnswerDraft>>;
  billing?: BillingInput;
}): PlacedRequest {
  const questions = input.questions ?? [];
  const drafts = input.answers ?? {};
  const items = input.tiers
    .filter((t) => chosen(input.quantities, t.id) > 0)
    .map((t) => ({ ticketTypeId: t.id, quantity: chosen(input.quantities, t.id) }));
  const seats = seatsOf(input.tiers, input.quantities);
  const attendees = seats.map((seat) => {
    const draft = input.attendees[seat.key] ?? EMPTY_ATTENDEE;
    return {
      name: draft.name.trim() || input.buyer.name,
      email: draft.email.trim() || input.buyer.email,
      ...(draft.ageRange ? { ageRange: draft.ageRange } : {}),
      ...(draft.country ? { country: draft.country } : {}),
      ...answersOf(seatQuestions(questions, seat.tier.id), seat.key, drafts),
    };
  });
  const answers = answersFor(
    orderQuestions(
      questions,
      items.map((i) => i.ticketTypeId),
    ),
    'order',
    drafts,
  );
  const promoCode = input.promoCode.trim();
  return {
    body: {
      eventId: input.eventId,
      items,
      ...(promoCode ? { promoCode } : {}),
      ...(attendees.length > 0 ? { attendees } : {}),
      ...(answers.length > 0 ? { answers } : {}),
      ...(input.asGuest ? { buyer: { name: input.buyer.name, email: input.buyer.email } } : {}),
      ...(input.billing ? { billing: input.billing } : {}),
    },
    itemTiers: items.map((i) => i.ticketTypeId),
    attendeeSeats: seats.map((s) => s.key),
  };
}

function answersOf(
  questions: readonly Question[],
  seatKey: string,
  drafts: Readonly<Record<string, AnswerDraft>>,
) {
  const answers = answersFor(questions, seatKey, drafts);
  return answers.length > 0 ? { answers } : {};
}

export const AGE_RANGES: readonly { value: AgeRange; label: string }[] = [
  { value: 'under-18', label: 'Under 18' },
  { value: '18-24', label: '18–24' },
  { value: '25-34', label: '25–34' },
  { value: '35-44', label: '35–44' },
  { value: '45-54', label: '45–54' },
  { value: '55-64', label: '55–64' },
  { value: '65+', label: '65 or older' },
];

export function parseAgeRange(value: string): AgeRange | '' {
  return AGE_RANGES.find((a) => a.value === value)?.value ?? '';
}
