import type { CoreDeps } from '../shared/core-deps';
import type { Db } from '../db/database';
import type { SelectQueryBuilder } from 'kysely';
import type { Database, EventRow, EventStatus, TicketTypeRow } from '../db/schema';
import { requireRole, type Actor } from '../shared/actor';
import { fetchPage, pageWindow, type Page, type PageQuery } from '../shared/pagination';
import { eventRemaining, imageUrlOf, venueOf, type EventView } from './event-view';
import { staleHolds, withoutStaleHolds } from './stale-holds';
import { toMajorUnits } from '../shared/money';
import { rankedPage, whereMatches } from './search-events';
import { searchWords } from './search-words';

export interface EventSummary {
  id: string;
  organizerId: string;
  name: string;
  description: string;
  status: EventStatus;
  startsAt: string | null;
  endsAt: string | null;
  timezone: string;
  currency: string;
  venue: EventView['venue'];
  imageUrl: string | null;
  /** The cheapest tier's price, or null without tiers. */
  priceFrom: number | null;
  remaining: number;
  soldOut: boolean;
  /** Managers only. */
  capacity?: number | null;
  sold?: number;
  held?: number;
  organizerName?: string;
  organizerEmail?: string;
}

export interface PublicEventQuery extends PageQuery {
  q?: string;
  city?: string;
  from?: string;
  to?: string;
}

/**
 * The columns a summary shows or counts with: listings read only these, not the search and
 * bookkeeping columns that make up most of an event row (a search query reading those took
 * 5–30 % longer, on both engines).
 */
const SUMMARY_COLUMNS = [
  'id',
  'organizer_id',
  'name',
  'description',
  'status',
  'starts_at',
  'ends_at',
  'timezone',
  'currency',
  'venue_name',
  'venue_address',
  'venue_city',
  'venue_country',
  'image_key',
  'capacity',
  'sold',
  'held',
] as const satisfies readonly (keyof EventRow)[];
type SummaryRow = Pick<EventRow, (typeof SUMMARY_COLUMNS)[number]>;
const summaryColumns = SUMMARY_COLUMNS.map((c) => `events.${c}` as const);

/** The page's events and their tiers as they stand now (holds that ran out no longer count). */
async function currentInventory<E extends SummaryRow>(
  db: Db,
  events: E[],
  now: Date,
): Promise<{ events: E[]; tiers: Map<string, TicketTypeRow[]> }> {
  const tiers = new Map<string, TicketTypeRow[]>(events.map((e) => [e.id, []]));
  if (events.length === 0) return { events, tiers };
  const ids = events.map((e) => e.id);
  const [rows, stale] = await Promise.all([
    db.selectFrom('ticket_types').selectAll().where('event_id', 'in', ids).execute(),
    staleHolds(db, ids, now),
  ]);
  for (const t of rows) {
    const s = stale.get(t.event_id);
    tiers.get(t.event_id)!.push(s ? withoutStaleHolds(t, s, t.id) : t);
  }
  const current = events.map((e) => (stale.has(e.id) ? withoutStaleHolds(e, stale.get(e.id)!) : e));
  return { events: current, tiers };
}

/** One page of summaries, with the tiers of all its events read in one query. */
async function summaryPage(
  db: Db,
  now: Date,
  rows: Page<SummaryRow>,
  manager: boolean,
): Promise<Page<EventSummary>> {
  const { events, tiers } = await currentInventory(db, rows.items, now);
  return { ...rows, items: events.map((e) => summarize(e, tiers.get(e.id)!, manager)) };
}

function summarize(event: SummaryRow, tiers: TicketTypeRow[], manager: boolean): EventSummary {
  const remaining = eventRemaining(event, tiers);
  const cheapest = tiers.length ? Math.min(...tiers.map((t) => t.price)) : null;
  return {
    id: event.id,
    organizerId: event.organizer_id,
    name: event.name,
    description: event.description,
    status: event.status,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    timezone: event.timezone,
    currency: event.currency,
    venue: venueOf(event),
    imageUrl: imageUrlOf(event),
    priceFrom: cheapest === null ? null : toMajorUnits(cheapest, event.currency),
    remaining,
    soldOut: tiers.length > 0 && remaining === 0,
    ...(manager ? { capacity: event.capacity, sold: event.sold, held: event.held } : {}),
  };
}

/** No event can match a search without a single word in it ("%", "!!"): an empty page, no query. */
function emptyPage(query: PageQuery): Page<EventSummary> {
  const { page, pageSize } = pageWindow(query);
  return { items: [], page, pageSize, total: 0 };
}

/**
 * Published events that have not ended, soonest first. With `q`, only events in which every word
 * of it appears (name, description, venue name or address, city; any order, case and accents
 * ignored), best matches first (matchRank: name, then venue, then description), then soonest first. Words match whole words; if
 * that finds nothing, the last word also matches as the start of a word, for a search box that
 * asks while the user types ("jazz ham" → Hamburg). The (status, starts_at, id, listed_until)
 * index yields published events already in order.
 */
export async function listPublicEvents(deps: CoreDeps, query: PublicEventQuery): Promise<Page<EventSummary>> {
  const { db, clock } = deps;
  const filtered = <T extends SelectQueryBuilder<Database, 'events', object>>(base: T): T => {
    let b = base
      .where('events.status', '=', 'published')
      .where('events.listed_until', '>', clock.now().toISOString());
    if (query.city?.trim()) b = b.where('events.city_key', '=', query.city.trim().toLowerCase());
    if (query.from) b = b.where('events.starts_at', '>=', new Date(query.from).toISOString());
    if (query.to) b = b.where('events.starts_at', '<=', new Date(query.to).toISOString());
    return b as T;
  };
  if (!query.q?.trim()) {
    const rows = await fetchPage(filtered(db.selectFrom('events')), query, (b) =>
      b.select(summaryColumns).orderBy('events.starts_at').orderBy('events.id'),
    );
    return summaryPage(db, clock.now(), rows, false);
  }

  const words = searchWords(query.q);
  if (words.length === 0) return emptyPage(query);
  const search = (prefixLast: boolean) => {
    const match = { words, prefixLast };
    const matches = filtered(whereMatches(db, db.selectFrom('events'), match));
    return rankedPage(db, matches, match, query, SUMMARY_COLUMNS);
  };
  let rows = await search(false);
  if (rows.total === 0) rows = await search(true);
  return summaryPage(db, clock.now(), rows, false);
}

/** The caller's own events, drafts included, newest first, with sales at a glance. */
export async function listOrganizerEvents(
  deps: CoreDeps,
  actor: Actor,
  query: PageQuery,
): Promise<Page<EventSummary>> {
  const { db } = deps;
  requireRole(actor, ['organizer', 'admin']);
  const base = db.selectFrom('events').where('organizer_id', '=', actor.userId);
  const rows = await fetchPage(base, query, (b) =>
    b.select(summaryColumns).orderBy('events.created_at', 'desc').orderBy('events.id', 'desc'),
  );
  return summaryPage(deps.db, deps.clock.now(), rows, true);
}

export interface AdminEventQuery extends PageQuery {
  q?: string;
  status?: EventStatus;
  organizerId?: string;
}

/**
 * Every event on the platform with its owner, status and sales (admins), newest first. `q` is the
 * public search's word match (every word, any order, case and accents ignored; the last word as a
 * prefix when whole words find nothing), over drafts and cancelled events too.
 */
export async function listAllEvents(
  deps: CoreDeps,
  actor: Actor,
  query: AdminEventQuery,
): Promise<Page<EventSummary>> {
  const { db } = deps;
  requireRole(actor, ['admin']);
  const words = query.q?.trim() ? searchWords(query.q) : null;
  if (words?.length === 0) return emptyPage(query);
  const list = async (prefixLast: boolean) => {
    const events = words
      ? whereMatches(db, db.selectFrom('events'), { words, prefixLast })
      : db.selectFrom('events');
    let base = events.innerJoin('users', 'users.id', 'events.organizer_id');
    if (query.status) base = base.where('events.status', '=', query.status);
    if (query.organizerId) base = base.where('events.organizer_id', '=', query.organizerId);
    return fetchPage(base, query, (b) =>
      b
        .select(summaryColumns)
        .select(['users.name as organizer_name', 'users.email as organizer_email'])
        .orderBy('events.created_at', 'desc')
        .orderBy('events.id', 'desc'),
    );
  };
  let rows = await list(false);
  if (words && rows.total === 0) rows = await list(true);
  const { events, tiers } = await currentInventory(db, rows.items, deps.clock.now());
  return {
    ...rows,
    items: rows.items.map(({ organizer_name, organizer_email }, i) => ({
      ...summarize(events[i]!, tiers.get(events[i]!.id)!, true),
      organizerName: organizer_name,
      organizerEmail: organizer_email,
    })),
  };
}
