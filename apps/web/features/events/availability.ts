import type { Availability, Event } from '@eventhub/client';

/** What the public pages make of the live availability stream: the counts merged into an event. */

// Below this many left, a tier's count reads as a warning ("Only 3 left").
export const FEW_LEFT = 10;

/** "Sold out", "Only 3 left", "12 left". */
export function remainingNote(tier: { remaining: number; soldOut: boolean }): string {
  if (tier.soldOut || tier.remaining <= 0) return 'Sold out';
  return tier.remaining <= FEW_LEFT ? `Only ${tier.remaining} left` : `${tier.remaining} left`;
}

/**
 * The event with the stream's latest counts in place of those it was rendered with. Tiers the
 * stream does not name keep their counts; tiers only the stream names are left out (the page
 * has no price or rules for them).
 */
export function withAvailability<E extends Pick<Event, 'remaining' | 'ticketTypes'>>(
  event: E,
  availability: Availability | null,
): E {
  if (!availability) return event;
  const live = new Map(availability.ticketTypes.map((t) => [t.id, t]));
  return {
    ...event,
    remaining: availability.remaining,
    ticketTypes: event.ticketTypes.map((tier) => {
      const counts = live.get(tier.id);
      return counts ? { ...tier, remaining: counts.remaining, soldOut: counts.soldOut } : tier;
    }),
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** One `availability` message's data, or null when it is not the shape the contract promises. */
export function parseAvailability(data: string): Availability | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const { remaining, ticketTypes } = parsed as { remaining?: unknown; ticketTypes?: unknown };
  if (!isCount(remaining) || !Array.isArray(ticketTypes)) return null;
  const tiers = ticketTypes.filter(
    (t): t is Availability['ticketTypes'][number] =>
      Boolean(t) &&
      typeof t === 'object' &&
      typeof (t as { id?: unknown }).id === 'string' &&
      isCount((t as { remaining?: unknown }).remaining) &&
      typeof (t as { soldOut?: unknown }).soldOut === 'boolean',
  );
  return { ...(parsed as Availability), remaining, ticketTypes: tiers };
}
