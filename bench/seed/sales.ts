import { randomBytes } from 'node:crypto';
import {
  createEvent,
  ensureAdmin,
  login,
  newOrderReference,
  publishEvent,
  rebuildSalesRollups,
  registerUser,
  type Actor,
  type Database,
  type Db,
  type EventView,
} from '@eventhub/core';
import { eventDeps, identityDeps, type AppContext } from '@eventhub/api';
import { seededRandom } from '@eventhub/core/testing';
import { sql, type Insertable } from 'kysely';

// A platform with a sales history for the analytics scenario. Placing 100,000 orders through the
// use cases would take longer than the measurement itself, so the history is written in bulk:
// the same rows the order, payment, refund and check-in use cases write (sums, ticket prices,
// statuses and counters agree), with random, unsigned ticket codes no scanner will ever read.

const DAY = 86_400_000;
const ROWS_PER_INSERT = 400;
const AGES = ['18-24', '25-34', '25-34', '35-44', '45-54', '55-64', '65+', 'under-18', null];
const COUNTRIES = ['DE', 'DE', 'FR', 'US', 'GB', 'NL', 'ES', 'IT', 'PL', 'IS', null];

async function insertInChunks<T extends 'orders' | 'order_items' | 'tickets' | 'users'>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
      .execute();
  }
}

export interface SalesSeed {
  /** The event holding half of all orders: the worst case for one event's analytics. */
  bigEventId: string;
  /** A typical event. */
  smallEventId: string;
  organizerToken: string;
  adminToken: string;
  orders: number;
  tickets: number;
}

/** `orders` sold orders over 60 days: half for one big event, the rest over 49 events of 10 organizers. */
export async function seedSales(ctx: AppContext, orders: number): Promise<SalesSeed> {
  const random = seededRandom(424242);
  const meta = { ip: '127.0.0.1' };
  const deps = { ...identityDeps(ctx), ...eventDeps(ctx) };
  const now = ctx.clock.now().getTime();
  const password = 'bench organizer password';
  const stamp = Date.now();

  const organizers: Actor[] = [];
  for (let i = 0; i < 10; i++) {
    const { user } = await registerUser(
      deps,
      { email: `sales-org-${i}-${stamp}@example.test`, password, name: `Organizer ${i}`, role: 'organizer' },
      meta,
    );
    organizers.push({ userId: user.id, role: 'organizer', organizerId: user.id, sessionId: 'bench' });
  }
  const events: EventView[] = [];
  for (let i = 0; i < 50; i++) {
    const organizer = organizers[i % organizers.length]!;
    const event = await createEvent(
      deps,
      organizer,
      {
        name: i === 0 ? 'Stadium Tour' : `Club Night ${i}`,
        startsAt: new Date(now + 30 * DAY).toISOString(),
        timezone: 'Europe/Berlin',
        currency: i % 7 === 3 ? 'GBP' : 'EUR',
        capacity: i === 0 ? 200_000 : 20_000,
        ticketTypes: [
          { name: 'Standing', price: 49, limit: i === 0 ? 150_000 : 15_000 },
          { name: 'Seated', price: 89.5, limit: i === 0 ? 40_000 : 4_000 },
          { name: 'VIP', price: 249, limit: i === 0 ? 10_000 : 1_000 },
        ],
        promotions: ['SAVE10', 'FAN25'],
      },
      meta,
    );
    await publishEvent(deps, organizer, event.id, meta);
    events.push(event);
  }

  const buyerIds: string[] = [];
  const buyers = Array.from({ length: 1000 }, (_, i) => {
    const id = crypto.randomUUID();
    buyerIds.push(id);
    const at = new Date(now - 90 * DAY + i * 7_000_000).toISOString();
    return {
      id,
      email: `sales-buyer-${i}-${stamp}@example.test`,
      name: `Buyer ${i}`,
      password_hash: 'x',
      role: 'customer' as const,
      organizer_id: null,
      disabled: 0,
      created_at: at,
      updated_at: at,
    };
  });
  await insertInChunks(ctx.db, 'users', buyers);

  const sold = new Map<string, number>(); // tier id → seats sold, and event id → seats sold
  let tickets = 0;
  let orderRows: Insertable<Database['orders']>[] = [];
  let itemRows: Insertable<Database['order_items']>[] = [];
  let ticketRows: Insertable<Database['tickets']>[] = [];
  const flush = async () => {
    await insertInChunks(ctx.db, 'orders', orderRows);
    await insertInChunks(ctx.db, 'order_items', itemRows);
    await insertInChunks(ctx.db, 'tickets', ticketRows);
    orderRows = [];
    itemRows = [];
    ticketRows = [];
  };
  for (let n = 0; n < orders; n++) {
    const event = n % 2 === 0 ? events[0]! : events[1 + Math.floor(random() * 49)]!;
    const tier = event.ticketTypes[random() < 0.7 ? 0 : random() < 0.8 ? 1 : 2]!;
    const quantity = 1 + Math.floor(random() * random() * 4);
    const unit = Math.round(tier.price * 100);
    const subtotal = unit * quantity;
    const promo = random() < 0.2 ? event.promotions![random() < 0.5 ? 0 : 1]! : null;
    const discount = promo ? Math.round((subtotal * promo.value) / 100) : 0;
    const total = subtotal - discount;
    const paidAt = new Date(now - Math.floor(random() * 60 * DAY)).toISOString();
    const refund = random();
    const voided = refund < 0.05 ? quantity : refund < 0.08 && quantity > 1 ? 1 : 0;
    const orderId = crypto.randomUUID();
    const prices = Array.from({ length: quantity }, (_, i) =>
      i < total % quantity ? Math.floor(total / quantity) + 1 : Math.floor(total / quantity),
    );
    const refunded = prices.slice(0, voided).reduce((s, p) => s + p, 0);
    orderRows.push({
      id: orderId,
      reference: newOrderReference(),
      event_id: event.id,
      buyer_id: buyerIds[n % buyerIds.length]!,
      buyer_email: buyers[n % buyers.length]!.email,
      buyer_name: buyers[n % buyers.length]!.name,
      status: voided === quantity ? 'refunded' : voided > 0 ? 'partially_refunded' : 'paid',
      currency: event.currency,
      subtotal,
      discount,
      total,
      refunded_amount: refunded,
      promotion_id: promo?.id ?? null,
      promo_code: promo?.code ?? null,
      attendees: '[]',
      expires_at: paidAt,
      paid_at: paidAt,
      closed_at: null,
      payment_provider: 'test',
      payment_ref: null,
      created_at: paidAt,
      updated_at: paidAt,
    });
    itemRows.push({
      id: crypto.randomUUID(),
      order_id: orderId,
      ticket_type_id: tier.id,
      quantity,
      unit_price: unit,
      discount,
      total,
    });
    prices.forEach((price, i) => {
      const status = i < voided ? 'void' : random() < 0.3 ? 'used' : 'valid';
      ticketRows.push({
        id: crypto.randomUUID(),
        order_id: orderId,
        event_id: event.id,
        ticket_type_id: tier.id,
        holder_name: `Guest ${n}-${i}`,
        holder_email: null,
        age_range: AGES[Math.floor(random() * AGES.length)],
        country: COUNTRIES[Math.floor(random() * COUNTRIES.length)],
        price_paid: price,
        code: randomBytes(18).toString('base64url'),
        status,
        checked_in_at: status === 'used' ? paidAt : null,
        voided_at: status === 'void' ? paidAt : null,
        created_at: paidAt,
        checked_in_by: null,
        checkin_device: null,
        checkin_nonce: null,
      });
      if (status !== 'void') {
        sold.set(tier.id, (sold.get(tier.id) ?? 0) + 1);
        sold.set(event.id, (sold.get(event.id) ?? 0) + 1);
      }
    });
    tickets += quantity;
    if (orderRows.length >= 5000) await flush();
  }
  await flush();
  for (const event of events) {
    await ctx.db
      .updateTable('events')
      .set({ sold: sold.get(event.id) ?? 0 })
      .where('id', '=', event.id)
      .execute();
    for (const tier of event.ticketTypes) {
      await ctx.db
        .updateTable('ticket_types')
        .set({ sold: sold.get(tier.id) ?? 0 })
        .where('id', '=', tier.id)
        .execute();
    }
  }
  // The bulk rows bypassed the use cases that keep the analytics rollups: sum them once.
  await rebuildSalesRollups(ctx.db);
  // A database that has run a while has planner statistics and, on PostgreSQL, a visibility map
  // from autovacuum (without it no index-only scan is chosen); one bulk-loaded a moment ago has
  // neither.
  await sql`${sql.raw(ctx.engine === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE')}`.execute(ctx.db);

  const adminEmail = `sales-admin-${stamp}@example.test`;
  await ensureAdmin(ctx, { email: adminEmail, password });
  const [organizerSession, adminSession] = await Promise.all([
    login(deps, { email: `sales-org-0-${stamp}@example.test`, password }, meta),
    login(deps, { email: adminEmail, password }, meta),
  ]);
  return {
    bigEventId: events[0]!.id,
    smallEventId: events[10]!.id, // also organizer 0's
    organizerToken: organizerSession.accessToken,
    adminToken: adminSession.accessToken,
    orders,
    tickets,
  };
}
