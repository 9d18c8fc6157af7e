import type { CoreDeps } from '../shared/core-deps';
import type { Actor } from '../shared/actor';
import { requireRole } from '../shared/actor';
import { fetchPage, type Page, type PageQuery } from '../shared/pagination';
import { checkinStats, type CheckinStats } from './checkin-stats';

export interface CheckinEventSummary {
  id: string;
  name: string;
  status: string;
  startsAt: string | null;
  timezone: string;
  venueName: string | null;
  stats: CheckinStats;
}

/**
 * The events a scanner may pick: for staff and organizers those of their organizer, for admins
 * all; drafts excluded (nothing to admit), soonest first. Only names, times and door counts —
 * staff see no orders and no revenue.
 */
export async function listCheckinEvents(
  deps: CoreDeps,
  actor: Actor,
  query: PageQuery,
): Promise<Page<CheckinEventSummary>> {
  const { db } = deps;
  requireRole(actor, ['staff', 'organizer', 'admin']);
  let base = db.selectFrom('events').where('status', '!=', 'draft');
  if (actor.role !== 'admin') base = base.where('organizer_id', '=', actor.organizerId ?? actor.userId);
  const rows = await fetchPage(base, query, (b) =>
    b
      .select(['id', 'name', 'status', 'starts_at', 'timezone', 'venue_name'])
      .orderBy('starts_at', 'asc')
      .orderBy('id'),
  );
  const stats = await checkinStats(
    db,
    rows.items.map((r) => r.id),
  );
  return {
    ...rows,
    items: rows.items.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      startsAt: r.starts_at,
      timezone: r.timezone,
      venueName: r.venue_name,
      stats: stats.get(r.id)!,
    })),
  };
}
