import type { Order } from '@eventhub/client';
import { formatInZone } from '../../lib/event-format';

type HolderChanges = Order['holderChanges'];

/** Whether the buyer may still change a ticket's holder: allowed by the event, deadline not passed. */
export function holderChangeOpen(window: HolderChanges, now: number): boolean {
  return window.allowed && (window.until === null || Date.parse(window.until) > now);
}

/**
 * The event's holder-change deadline for its buyer, in one sentence, in the event's time zone
 * (the reader's until the event is known), the zone named.
 */
export function holderChangeText(
  window: HolderChanges,
  now: number,
  timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  if (!window.allowed) return 'The organizer does not allow changing the holder of a ticket.';
  // Allowed with no deadline: the event has no start date yet.
  if (window.until === null) return 'You can change the holder of a ticket below.';
  const when = formatInZone(window.until, timeZone);
  return holderChangeOpen(window, now)
    ? `Holder changes until ${when}.`
    : `Holder changes closed on ${when}.`;
}
