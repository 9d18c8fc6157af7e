import { formatInZone } from '../../lib/event-format';

/**
 * What an order's refund deadline (`refundableUntil`, null when the event offers no
 * self-service refunds) means for its buyer, in one sentence, in the event's time zone (the
 * reader's until the event is known), the zone named.
 */
export function refundPolicyText(
  refundableUntil: string | null,
  now: number,
  timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  if (refundableUntil === null) {
    return 'This event does not offer self-service refunds. Contact the organizer for help.';
  }
  const when = formatInZone(refundableUntil, timeZone);
  return Date.parse(refundableUntil) > now
    ? `You can refund tickets yourself until ${when}.`
    : `Self-service refunds closed on ${when}. Contact the organizer for help.`;
}
