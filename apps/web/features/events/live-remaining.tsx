'use client';

import type { Order } from '@eventhub/client';
import { remainingNote } from './availability';
import { useLiveAvailability } from './use-live-availability';

/**
 * At checkout: how many of the order's ticket types are still on sale, live. The buyer's own
 * tickets are held already; this tells them whether friends can still get one.
 */
export function LiveRemaining({ order }: { order: Order }) {
  const availability = useLiveAvailability(order.eventId);
  if (!availability) return null;
  const counts = new Map(availability.ticketTypes.map((t) => [t.id, t]));
  const lines = order.items.flatMap((item) => {
    const tier = counts.get(item.ticketTypeId);
    return tier ? [{ id: item.ticketTypeId, name: item.name, note: remainingNote(tier) }] : [];
  });
  if (lines.length === 0) return null;
  return (
    <div className="live-remaining">
      <p className="tier-facts">Still on sale besides yours:</p>
      <ul aria-label="Tickets still on sale">
        {lines.map((line) => (
          <li key={line.id} data-testid="checkout-remaining">
            {line.name}: {line.note}
          </li>
        ))}
      </ul>
    </div>
  );
}
