import {
  createEvent,
  publishEvent,
  registerUser,
  type Actor,
  type EventDeps,
  type IdentityDeps,
} from '@eventhub/core';

/**
 * The on-sale's three tiers, sized by the number of buyers expected. A buyer asks for 1–4 tickets
 * (2.5 on average) of one tier chosen by `share`: 2.5 tickets a buyer are asked for, 1.85 exist.
 * Early Bird is asked for 3.5× its size and sells out about a third of the way in, Regular about
 * nine tenths of the way; VIP (0.5 asked for, 0.6 there) is left over.
 */
export const ON_SALE_TIERS = [
  { name: 'Early Bird', price: 29, ticketsPerBuyer: 0.25, share: 0.35 },
  { name: 'Regular', price: 49, ticketsPerBuyer: 1.0, share: 0.45 },
  { name: 'VIP', price: 129, ticketsPerBuyer: 0.6, share: 0.2 },
] as const;

export interface OnSaleEvent {
  eventId: string;
  tiers: { id: string; name: string; limit: number; share: number }[];
}

/** Publishes the on-sale's event (a concert a month ahead, in its own time zone) through the real use cases. */
export async function seedOnSaleEvent(deps: IdentityDeps & EventDeps, buyers: number): Promise<OnSaleEvent> {
  const { user } = await registerUser(
    deps,
    {
      email: `on-sale-organizer-${Date.now()}@example.test`,
      password: 'bench organizer password',
      name: 'On-sale Org',
      role: 'organizer',
    },
    { ip: '127.0.0.1' },
  );
  const actor: Actor = { userId: user.id, role: 'organizer', organizerId: user.id, sessionId: 'bench' };
  const tiers = ON_SALE_TIERS.map((t) => ({
    ...t,
    limit: Math.max(1, Math.round(t.ticketsPerBuyer * buyers)),
  }));
  const event = await createEvent(
    deps,
    actor,
    {
      name: 'Stadium Tour: On-sale Day',
      description: 'The tour everyone waited for. Doors open an hour before the show.',
      startsAt: new Date(deps.clock.now().getTime() + 30 * 86_400_000).toISOString(),
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      venue: { name: 'Riverside Arena', address: 'Hafenstraße 1', city: 'Hamburg', country: 'DE' },
      capacity: tiers.reduce((sum, t) => sum + t.limit, 0),
      ticketTypes: tiers.map((t) => ({ name: t.name, price: t.price, limit: t.limit })),
    },
    { ip: null },
  );
  await publishEvent(deps, actor, event.id, { ip: null });
  return {
    eventId: event.id,
    tiers: tiers.map((tier) => ({
      id: event.ticketTypes.find((type) => type.name === tier.name)!.id,
      name: tier.name,
      limit: tier.limit,
      share: tier.share,
    })),
  };
}
