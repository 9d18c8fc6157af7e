import type { EventDeps } from '../events/event-deps';
import { createEvent } from '../events/create-event';
import { publishEvent } from '../events/event-lifecycle';

/**
 * Local demo mode only: the API.md seed event, published, so a fresh `npm start` has something
 * to browse and buy. Runs with the demo accounts, once per database.
 */
export async function seedDemoEvent(deps: EventDeps, organizerId: string): Promise<string> {
  const actor = { userId: organizerId, role: 'organizer' as const, organizerId, sessionId: 'demo-seed' };
  const startsAt = new Date(deps.clock.now().getTime() + 30 * 86_400_000);
  startsAt.setUTCHours(8, 0, 0, 0);
  const event = await createEvent(
    deps,
    actor,
    {
      name: 'Tech Conference 2025',
      description: 'Two days of talks, workshops and hallway conversations about building software.',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 9 * 3_600_000).toISOString(),
      timezone: 'Europe/Berlin',
      venue: { name: 'Messe Berlin', address: 'Messedamm 22', city: 'Berlin', country: 'DE' },
      refundPolicy: { customerRefundsUntilHoursBefore: 48 },
      capacity: 500,
      ticketTypes: [
        { name: 'Early Bird', price: 299, limit: 100 },
        { name: 'Regular', price: 399, limit: 300 },
        { name: 'VIP', price: 599, limit: 50 },
      ],
      promotions: ['EARLY25', 'GROUP10'],
    },
    { ip: null },
  );
  await publishEvent(deps, actor, event.id, { ip: null });
  return event.id;
}
