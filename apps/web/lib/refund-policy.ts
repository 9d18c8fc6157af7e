import { formatInZone } from './event-format';

/** What an event's refund policy means for its buyers, in one sentence. */
export function refundPolicyText(
  event: {
    startsAt: string | null;
    timezone: string;
    refundPolicy: { customerRefundsUntilHoursBefore: number | null };
  },
  now: number,
): string {
  const hours = event.refundPolicy.customerRefundsUntilHoursBefore;
  if (hours === null || !event.startsAt) {
    return 'This event does not offer self-service refunds. Contact the organizer for help.';
  }
  const deadline = new Date(Date.parse(event.startsAt) - hours * 3_600_000).toISOString();
  const when = formatInZone(deadline, event.timezone);
  return Date.parse(deadline) > now
    ? `You can refund tickets yourself until ${when}.`
    : `Self-service refunds closed on ${when}. Contact the organizer for help.`;
}
