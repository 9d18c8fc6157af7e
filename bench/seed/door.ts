import { mintBuyers } from '@eventhub/api/testing';
import {
  createEvent,
  createStaff,
  login,
  payOrder,
  placeOrder,
  publishEvent,
  registerUser,
  type Actor,
  type OrderDeps,
} from '@eventhub/core';
import { eventDeps, identityDeps, orderDeps, type AppContext } from '@eventhub/api';
import { sql } from 'kysely';

const SEATS_PER_ORDER = 1000;

/**
 * A door to bench: an event with `tickets` paid tickets, bought through the real order and payment
 * use cases (so every code is signed as in production), and a door-staff account to scan them.
 */
export async function seedDoor(ctx: AppContext, tickets: number) {
  const deps = { ...identityDeps(ctx), ...eventDeps(ctx) };
  const meta = { ip: '127.0.0.1' };
  const stamp = Date.now();
  const { user } = await registerUser(
    deps,
    {
      email: `door-organizer-${stamp}@example.test`,
      password: 'bench organizer password',
      name: 'Door Org',
      role: 'organizer',
    },
    meta,
  );
  const organizer: Actor = { userId: user.id, role: 'organizer', organizerId: user.id, sessionId: 'bench' };
  const event = await createEvent(
    deps,
    organizer,
    {
      name: 'Door Rush',
      startsAt: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString(),
      capacity: tickets,
      ticketTypes: [{ name: 'General Admission', price: 0, limit: tickets, maxPerOrder: SEATS_PER_ORDER }],
    },
    meta,
  );
  await publishEvent(deps, organizer, event.id, meta);

  const orders: OrderDeps = { ...orderDeps(ctx), holdSeconds: 900, maxPendingOrdersPerBuyer: 2 };
  const [buyer] = await mintBuyers({ ctx, clock: ctx.clock }, 1);
  const customer: Actor = { userId: buyer!.userId, role: 'customer', organizerId: null, sessionId: 'bench' };
  for (let left = tickets; left > 0; left -= SEATS_PER_ORDER) {
    const placed = await placeOrder(
      orders,
      customer,
      {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: Math.min(left, SEATS_PER_ORDER) }],
      },
      meta,
    );
    if (placed.status !== 'paid') await payOrder(orders, customer, placed.id, { outcome: 'succeeded' }, meta);
  }
  // Their confirmation e-mails (a PDF page per ticket) are not what this scenario measures.
  await ctx.db.updateTable('outbox').set({ status: 'sent' }).where('status', '=', 'pending').execute();
  // A database that has run for a while has planner statistics; one bulk-loaded a second ago does
  // not, and PostgreSQL would then scan the event's tickets instead of using the primary key.
  if (ctx.engine === 'postgres') await sql`ANALYZE`.execute(ctx.db);
  const codes = await ctx.db.selectFrom('tickets').select('code').where('event_id', '=', event.id).execute();

  const staffPassword = 'bench door staff password';
  const staff = await createStaff(
    deps,
    organizer,
    { email: `door-staff-${stamp}@example.test`, name: 'Door Staff', password: staffPassword },
    meta,
  );
  const session = await login(deps, { email: staff.email, password: staffPassword }, meta);
  return { eventId: event.id, codes: codes.map((c) => c.code), staffToken: session.accessToken };
}
