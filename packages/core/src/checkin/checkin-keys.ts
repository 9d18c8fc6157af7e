import type { Actor } from '../shared/actor';
import { ForbiddenError } from '../shared/errors';
import { canCheckIn, findCheckinEvent } from './checkin-access';
import type { CheckinDeps } from './checkin-deps';
import { checkinStats, type CheckinStats } from './checkin-stats';
import type { PublicSigningKey } from './key-ring';

export interface CheckinKeys {
  eventId: string;
  eventName: string;
  eventStatus: string;
  /** So a scanner can show times in the event's zone without another request. */
  startsAt: string | null;
  timezone: string;
  /** The organizer's keys, newest first; retired ones still verify codes signed before rotation. */
  keys: PublicSigningKey[];
  /** Tickets refunded, cancelled or otherwise void: refuse them even with a valid signature. */
  voidTicketIds: string[];
  /** Codes replaced by a reissue: correctly signed but no longer the ticket's code. */
  revokedCodes: string[];
  stats: CheckinStats;
  generatedAt: string;
}

/**
 * What a scanner downloads to keep working without the network: it can then tell real codes
 * from forged ones and refuse void tickets offline, and upload its scans later.
 */
export async function getCheckinKeys(deps: CheckinDeps, actor: Actor, eventId: string): Promise<CheckinKeys> {
  const event = await findCheckinEvent(deps.db, eventId);
  if (!canCheckIn(actor, event)) throw new ForbiddenError('You may not check in tickets of this event');
  const [keys, voided, revoked, stats] = await Promise.all([
    deps.keys.publicKeys(deps.db, event.organizer_id),
    deps.db
      .selectFrom('tickets')
      .select('id')
      .where('event_id', '=', event.id)
      .where('status', '=', 'void')
      .orderBy('id')
      .execute(),
    deps.db
      .selectFrom('revoked_ticket_codes')
      .select('code')
      .where('event_id', '=', event.id)
      .orderBy('revoked_at')
      .execute(),
    checkinStats(deps.db, [event.id]),
  ]);
  return {
    eventId: event.id,
    eventName: event.name,
    eventStatus: event.status,
    startsAt: event.starts_at,
    timezone: event.timezone,
    keys,
    voidTicketIds: voided.map((t) => t.id),
    revokedCodes: revoked.map((r) => r.code),
    stats: stats.get(event.id)!,
    generatedAt: deps.clock.now().toISOString(),
  };
}
