import type { Db } from '../db/database';

/** The user who acted. */
export interface AuditPerson {
  id: string;
  name: string;
  email: string;
}

/** What an entry is about, with a name a person reads (null when it cannot be told any more). */
export interface AuditTarget {
  type: string;
  id: string | null;
  name: string | null;
}

/** The stored columns names are resolved from, details already parsed. */
export interface AuditRowRef {
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
}

/** Ids in details that are given a name beside them, and the kind of thing each names. */
const DETAIL_IDS = { eventId: 'event', orderId: 'order', organizerId: 'user' } as const;

type Named = Map<string, string>;

function idsOf(rows: readonly AuditRowRef[], type: string): string[] {
  return rows.flatMap((r) => (r.target_type === type && r.target_id ? [r.target_id] : []));
}

function detailIds(rows: readonly AuditRowRef[], key: keyof typeof DETAIL_IDS): string[] {
  return rows.flatMap((r) => {
    const value = r.details[key];
    return typeof value === 'string' && value ? [value] : [];
  });
}

function unique(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

function joinName(...parts: (string | null | undefined)[]): string | null {
  const present = parts.filter((p): p is string => !!p);
  return present.length ? present.join(' · ') : null;
}

function detailText(details: Record<string, unknown>, key: string): string | null {
  const value = details[key];
  return typeof value === 'string' && value ? value : null;
}

/**
 * The people, targets and detail ids of one page of entries, each kind read in one query however
 * many entries name it (at most nine queries a page, in three rounds).
 */
export async function resolveAuditNames(db: Db, rows: readonly AuditRowRef[]) {
  const sessionIds = unique(idsOf(rows, 'session'));
  const ticketIds = unique(idsOf(rows, 'ticket'));
  const refundIds = unique(idsOf(rows, 'refund'));
  const promotionIds = unique(idsOf(rows, 'promotion'));
  const tierIds = unique(idsOf(rows, 'ticket_type'));
  const questionIds = unique(idsOf(rows, 'question'));

  // Round 1: what points on to users, orders and events.
  const [sessions, tickets, refunds, promotions, tiers, questions] = await Promise.all([
    sessionIds.length
      ? db.selectFrom('sessions').select(['id', 'user_id']).where('id', 'in', sessionIds).execute()
      : [],
    ticketIds.length
      ? db
          .selectFrom('tickets')
          .select(['id', 'holder_name', 'event_id'])
          .where('id', 'in', ticketIds)
          .execute()
      : [],
    refundIds.length
      ? db.selectFrom('refunds').select(['id', 'order_id']).where('id', 'in', refundIds).execute()
      : [],
    promotionIds.length
      ? db
          .selectFrom('promotions')
          .select(['id', 'code', 'event_id'])
          .where('id', 'in', promotionIds)
          .execute()
      : [],
    tierIds.length
      ? db.selectFrom('ticket_types').select(['id', 'name', 'event_id']).where('id', 'in', tierIds).execute()
      : [],
    questionIds.length
      ? db
          .selectFrom('questions')
          .select(['id', 'label', 'event_id'])
          .where('id', 'in', questionIds)
          .execute()
      : [],
  ]);

  // Round 2: users and orders.
  const userIds = unique([
    ...rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])),
    ...idsOf(rows, 'user'),
    ...sessions.map((s) => s.user_id),
    ...detailIds(rows, 'organizerId'),
  ]);
  const orderIds = unique([
    ...idsOf(rows, 'order'),
    ...detailIds(rows, 'orderId'),
    ...refunds.map((r) => r.order_id),
  ]);
  const [users, orders] = await Promise.all([
    userIds.length
      ? db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute()
      : [],
    orderIds.length
      ? db.selectFrom('orders').select(['id', 'reference', 'event_id']).where('id', 'in', orderIds).execute()
      : [],
  ]);

  // Round 3: events, named by every kind above.
  const eventIds = unique([
    ...idsOf(rows, 'event'),
    ...detailIds(rows, 'eventId'),
    ...orders.map((o) => o.event_id),
    ...tickets.map((t) => t.event_id),
    ...promotions.map((p) => p.event_id),
    ...tiers.map((t) => t.event_id),
    ...questions.map((q) => q.event_id),
  ]);
  const events = eventIds.length
    ? await db.selectFrom('events').select(['id', 'name']).where('id', 'in', eventIds).execute()
    : [];

  const eventName: Named = new Map(events.map((e) => [e.id, e.name]));
  const people = new Map<string, AuditPerson>(users.map((u) => [u.id, u]));
  const personName = (id: string | undefined) => {
    const person = id ? people.get(id) : undefined;
    return person ? `${person.name} (${person.email})` : null;
  };
  const orderRef: Named = new Map(orders.map((o) => [o.id, o.reference]));
  const orderName: Named = new Map(
    orders.map((o) => [o.id, joinName(o.reference, eventName.get(o.event_id)) ?? o.reference]),
  );
  const sessionUser = new Map(sessions.map((s) => [s.id, s.user_id]));
  const ticketName: Named = new Map(
    tickets.map((t) => [t.id, joinName(t.holder_name, eventName.get(t.event_id)) ?? t.holder_name]),
  );
  const refundName: Named = new Map(
    refunds.flatMap((r) => {
      const reference = orderRef.get(r.order_id);
      return reference ? [[r.id, reference] as const] : [];
    }),
  );
  const promotionName: Named = new Map(
    promotions.map((p) => [p.id, joinName(p.code, eventName.get(p.event_id)) ?? p.code]),
  );
  const tierName: Named = new Map(
    tiers.map((t) => [t.id, joinName(t.name, eventName.get(t.event_id)) ?? t.name]),
  );
  const questionName: Named = new Map(
    questions.map((q) => [q.id, joinName(q.label, eventName.get(q.event_id)) ?? q.label]),
  );

  function targetName(row: AuditRowRef): string | null {
    const id = row.target_id;
    switch (row.target_type) {
      case 'event':
        // A deleted event is gone from its table; its entry kept the name.
        return (id && eventName.get(id)) || detailText(row.details, 'name');
      case 'user':
        return id ? personName(id) : null;
      case 'session':
        return id ? personName(sessionUser.get(id)) : null;
      case 'order':
        return (id && orderName.get(id)) || null;
      case 'ticket':
        return (id && ticketName.get(id)) || null;
      case 'refund':
        return (id && refundName.get(id)) || null;
      case 'promotion':
        return (id && promotionName.get(id)) || detailText(row.details, 'code');
      case 'ticket_type':
        return (id && tierName.get(id)) || detailText(row.details, 'name');
      case 'question':
        // A deleted question is gone from its table; its entry kept the label.
        return (id && questionName.get(id)) || detailText(row.details, 'label');
      case 'email':
        return detailText(row.details, 'email');
      default:
        return null;
    }
  }

  return {
    actor(row: AuditRowRef): AuditPerson | null {
      return (row.actor_id && people.get(row.actor_id)) || null;
    },
    target(row: AuditRowRef): AuditTarget | null {
      if (!row.target_type) return null;
      return { type: row.target_type, id: row.target_id, name: targetName(row) };
    },
    /** The names of the ids in details, by key: `{eventId: 'Tech Conference 2025'}`. */
    detailNames(row: AuditRowRef): Record<string, string> {
      const names: Record<string, string> = {};
      for (const [key, kind] of Object.entries(DETAIL_IDS)) {
        const id = detailText(row.details, key);
        const name = !id
          ? undefined
          : kind === 'event'
            ? eventName.get(id)
            : kind === 'order'
              ? orderRef.get(id)
              : (personName(id) ?? undefined);
        if (name) names[key] = name;
      }
      return names;
    },
  };
}
