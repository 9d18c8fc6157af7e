import {
  createEvent,
  publishEvent,
  registerUser,
  type Actor,
  type Clock,
  type Db,
  type EventDeps,
  type IdentityDeps,
} from '@eventhub/core';

const CITIES = [
  'Berlin',
  'Paris',
  'Lisbon',
  'Madrid',
  'Rome',
  'Vienna',
  'Prague',
  'Warsaw',
  'Oslo',
  'Dublin',
];
const TOPICS = [
  'Tech Conference',
  'Jazz Night',
  'Rust Meetup',
  'Food Festival',
  'Design Summit',
  'Startup Pitch',
];

/** Publishes `count` believable events (three tiers each) through the real use cases. */
export async function seedEvents(deps: IdentityDeps & EventDeps, count: number): Promise<string[]> {
  const { user } = await registerUser(
    deps,
    {
      email: `bench-organizer-${Date.now()}@example.test`,
      password: 'bench organizer password',
      name: 'Bench Org',
      role: 'organizer',
    },
    { ip: '127.0.0.1' },
  );
  const actor: Actor = { userId: user.id, role: 'organizer', organizerId: user.id, sessionId: 'bench' };
  const ids: string[] = [];
  const start = deps.clock.now().getTime();
  for (let i = 0; i < count; i++) {
    const event = await createEvent(
      deps,
      actor,
      {
        name: `${TOPICS[i % TOPICS.length]} ${i}`,
        description: `Edition ${i} of a recurring event with talks, music and food.`,
        startsAt: new Date(start + (i % 365) * 86_400_000 + 3_600_000).toISOString(),
        timezone: 'Europe/Berlin',
        venue: { name: 'Main Hall', city: CITIES[i % CITIES.length]!, country: 'DE' },
        capacity: 500,
        ticketTypes: [
          { name: 'Early Bird', price: 299, limit: 100 },
          { name: 'Regular', price: 399, limit: 300 },
          { name: 'VIP', price: 599, limit: 50 },
        ],
        promotions: ['EARLY25'],
      },
      { ip: null },
    );
    await publishEvent(deps, actor, event.id, { ip: null });
    ids.push(event.id);
  }
  return ids;
}

/** One published event whose single tier can take every order a bench run sends. */
export async function seedHotEvent(
  deps: IdentityDeps & EventDeps,
): Promise<{ eventId: string; ticketTypeId: string }> {
  const { user } = await registerUser(
    deps,
    {
      email: `hot-organizer-${Date.now()}@example.test`,
      password: 'bench organizer password',
      name: 'Hot Org',
      role: 'organizer',
    },
    { ip: '127.0.0.1' },
  );
  const actor: Actor = { userId: user.id, role: 'organizer', organizerId: user.id, sessionId: 'bench' };
  const event = await createEvent(
    deps,
    actor,
    {
      name: 'Sell-out Rush',
      startsAt: new Date(deps.clock.now().getTime() + 30 * 86_400_000).toISOString(),
      ticketTypes: [{ name: 'General Admission', price: 49, limit: 5_000_000 }],
    },
    { ip: null },
  );
  await publishEvent(deps, actor, event.id, { ip: null });
  return { eventId: event.id, ticketTypeId: event.ticketTypes[0]!.id };
}

export type { Clock, Db };
