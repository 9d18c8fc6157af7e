import { seededRandom } from '@eventhub/core/testing';
import { validate } from './door';
import { logIn, makePublishedEvent, pay, placeOrderOk, type EventBody, type SignedIn } from './factories';
import { bearer, type TestEnv } from './test-env';

// A believable sales history made through the real API, and a ledger of it kept by the test
// itself from what each request returned, so analytics can be checked against sums computed
// independently of the SQL under test.

export interface LedgerTicket {
  id: string;
  tierId: string;
  /** Minor units. */
  pricePaid: number;
  ageRange: string | null;
  country: string | null;
  status: 'valid' | 'used' | 'void';
  /** Refunded after it was used at the door: its seat stays taken. */
  refundedAfterUse?: boolean;
}

export interface LedgerOrder {
  id: string;
  paidAt: string;
  /** Minor units, computed here from the tier prices. */
  subtotal: number;
  discount: number;
  refunded: number;
  promoCode: string | null;
  tickets: LedgerTicket[];
}

export interface SalesHistory {
  event: EventBody;
  /** Paid orders (some refunded later), in sale order. */
  sold: LedgerOrder[];
  /** Seats of orders still pending at the end, with their hold's end. */
  pending: { seats: number; expiresAt: string }[];
  tierPrices: Map<string, number>;
  /** The organizer and buyers signed in again at the end of the history. */
  organizer: SignedIn;
  buyers: SignedIn[];
}

/** Deterministic picks over seededRandom: the same history on every run and engine. */
export function randomSource(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

// Skewed on purpose: some buckets stay under five attendees and must be folded.
const AGES = ['25-34', '25-34', '25-34', '18-24', '18-24', '35-44', '35-44', '45-54', null] as const;
const RARE_AGES = ['65+', 'under-18'] as const;
const COUNTRIES = ['IN', 'IN', 'IN', 'US', 'US', 'DE', 'GB', null] as const;
const RARE_COUNTRIES = ['IS', 'NZ', 'UY'] as const;

export const minor = (major: number) => Math.round(major * 100);

interface OrderResponse {
  id: string;
  status: string;
  expiresAt: string;
  discount: number;
  items: { ticketTypeId: string; quantity: number }[];
  tickets?: { id: string; ticketTypeId: string; price: number; code: string }[];
}

/**
 * `orders` orders of one organizer's event over several days (the clock moves 5–75 minutes
 * between them): promo codes, failed and cancelled payments, holds left pending, partial and
 * full refunds by the organizer, and check-ins at the door.
 */
export async function makeSalesHistory(
  env: TestEnv,
  organizer: SignedIn,
  buyers: SignedIn[],
  options: { orders: number; seed: number; timezone: string; extraAttendee?: string },
): Promise<SalesHistory> {
  const rand = randomSource(options.seed);
  const event = await makePublishedEvent(env, organizer, {
    timezone: options.timezone,
    capacity: 5000,
    ticketTypes: [
      { name: 'Early Bird', price: 299, limit: 2000 },
      { name: 'Regular', price: 399.5, limit: 2000 },
      { name: 'VIP', price: 599.99, limit: 500 },
    ],
    promotions: ['EARLY25', 'GROUP10'],
  });
  const fixed = await env.app.inject({
    method: 'POST',
    url: `/api/events/${event.id}/promotions`,
    headers: bearer(organizer.accessToken),
    payload: { code: 'FLAT20', kind: 'fixed', value: 20 },
  });
  if (fixed.statusCode !== 201) throw new Error(`promotion failed: ${fixed.body}`);
  const tierPrices = new Map(event.ticketTypes.map((t) => [t.id, minor(t.price)]));
  const sold: LedgerOrder[] = [];
  const pending: SalesHistory['pending'] = [];

  // Days pass: sign everyone in again before their access tokens run out.
  let signedInAt = env.clock.now().getTime();
  for (let n = 0; n < options.orders; n++) {
    env.clock.advance(rand.int(5, 75) * 60_000);
    if (env.clock.now().getTime() - signedInAt > 10 * 3_600_000) {
      signedInAt = env.clock.now().getTime();
      organizer = await logIn(env, organizer.user.email, organizer.password);
      buyers = await Promise.all(buyers.map((b) => logIn(env, b.user.email, b.password)));
    }
    const tiers = rand.chance(0.3) ? event.ticketTypes.slice(0, 2) : [rand.pick(event.ticketTypes)];
    const items = tiers.map((t) => ({ ticketTypeId: t.id, quantity: rand.int(1, 3) }));
    const seats = items.reduce((s, i) => s + i.quantity, 0);
    const attendees = Array.from({ length: seats }, (_, i) => ({
      name: n === 7 && i === 0 && options.extraAttendee ? options.extraAttendee : `Guest ${n}-${i}`,
      email: `guest-${n}-${i}@example.test`,
      ageRange: rand.chance(0.01) ? rand.pick(RARE_AGES) : rand.pick(AGES),
      country: rand.chance(0.01) ? rand.pick(RARE_COUNTRIES) : rand.pick(COUNTRIES),
    }));
    const promoCode = rand.chance(0.35) ? rand.pick(['EARLY25', 'GROUP10', 'flat20']) : undefined;
    const buyer = rand.pick(buyers);
    const placed = (await placeOrderOk(env, buyer, {
      eventId: event.id,
      items,
      attendees: attendees.map((a) => ({
        name: a.name,
        email: a.email,
        ...(a.ageRange ? { ageRange: a.ageRange } : {}),
        ...(a.country ? { country: a.country } : {}),
      })),
      ...(promoCode ? { promoCode } : {}),
    })) as unknown as OrderResponse;

    const fate = rand.next();
    if (fate < 0.06) {
      await pay(env, buyer, placed.id, 'failed');
      continue;
    }
    if (fate < 0.11) {
      await env.app.inject({
        method: 'POST',
        url: `/api/orders/${placed.id}/cancel`,
        headers: bearer(buyer.accessToken),
      });
      continue;
    }
    if (fate < 0.18) {
      pending.push({ seats, expiresAt: placed.expiresAt });
      continue;
    }
    const paidAt = env.clock.now().toISOString();
    const res = await pay(env, buyer, placed.id);
    if (res.statusCode !== 200) throw new Error(`payment failed: ${res.body}`);
    const paid = res.json() as OrderResponse;
    const entry: LedgerOrder = {
      id: paid.id,
      paidAt,
      subtotal: items.reduce((s, i) => s + tierPrices.get(i.ticketTypeId)! * i.quantity, 0),
      discount: minor(paid.discount),
      refunded: 0,
      promoCode: promoCode ? promoCode.toUpperCase() : null,
      tickets: paid.tickets!.map((t, i) => ({
        id: t.id,
        tierId: t.ticketTypeId,
        pricePaid: minor(t.price),
        ageRange: attendees[i]!.ageRange,
        country: attendees[i]!.country,
        status: 'valid' as const,
      })),
    };
    sold.push(entry);

    // Door scans now and then (the event has not started, but the door opens early in tests).
    for (const [i, ticket] of paid.tickets!.entries()) {
      if (!rand.chance(0.3)) continue;
      const scan = await validate(env, organizer, { code: ticket.code, eventId: event.id });
      if (scan.statusCode !== 200) throw new Error(`check-in failed: ${scan.body}`);
      entry.tickets[i]!.status = 'used';
    }
    const refund = rand.next();
    if (refund < 0.12 && entry.tickets.length > 1) {
      await refundTickets(env, organizer, entry, [entry.tickets[0]!]);
    } else if (refund < 0.18) {
      await refundTickets(env, organizer, entry, entry.tickets);
    }
  }
  return { event, sold, pending, tierPrices, organizer, buyers };
}

async function refundTickets(env: TestEnv, organizer: SignedIn, order: LedgerOrder, tickets: LedgerTicket[]) {
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/orders/${order.id}/refunds`,
    headers: bearer(organizer.accessToken),
    payload: { ticketIds: tickets.map((t) => t.id), reason: 'test' },
  });
  if (res.statusCode !== 201) throw new Error(`refund failed: ${res.body}`);
  const amount = minor((res.json() as { amount: number }).amount);
  if (amount !== tickets.reduce((s, t) => s + t.pricePaid, 0)) throw new Error('refund amount is off');
  order.refunded += amount;
  for (const t of tickets) {
    if (t.status === 'used') t.refundedAfterUse = true;
    t.status = 'void';
  }
}
