import { availabilitySnapshot } from '@eventhub/core';
import { bearer, json, type TestEnv } from '../test-env';
import type { World } from './world';

export interface EventState {
  status: string;
  /** The public availability, as the live stream sends it, and when its earliest hold runs out. */
  availability: unknown;
  /** The organizer dashboard's row: sales, revenue with refunds, seats, check-ins. */
  figures: unknown;
}

/**
 * Every event in the database, since a write may change an event other than the one it names:
 * availability from `availabilitySnapshot` (what the live stream reads), figures from one
 * dashboard read of the organizer, who owns every event this suite makes.
 */
export async function snapshotAll(w: World): Promise<Map<string, EventState>> {
  const events = await w.env.ctx.db.selectFrom('events').select(['id', 'organizer_id']).execute();
  const foreign = events.filter((e) => e.organizer_id !== w.organizer.user.id);
  if (foreign.length > 0)
    throw new Error(`events of another organizer would go unwatched: ${foreign.map((e) => e.id).join(', ')}`);
  const dashboard = await w.env.app.inject({
    method: 'GET',
    url: '/api/analytics/organizer',
    headers: bearer(w.organizer.accessToken),
  });
  if (dashboard.statusCode !== 200)
    throw new Error(`organizer analytics: ${dashboard.statusCode} ${dashboard.body}`);
  const rows = json<{
    events: {
      eventId: string;
      orders: number;
      ticketsSold: number;
      revenue: unknown;
      capacity: unknown;
      checkIns: unknown;
    }[];
  }>(dashboard).events;
  const figures = new Map(
    rows.map(({ eventId, orders, ticketsSold, revenue, capacity, checkIns }) => [
      eventId,
      { orders, ticketsSold, revenue, capacity, checkIns },
    ]),
  );
  const states = new Map<string, EventState>();
  await Promise.all(
    events.map(async ({ id }) => {
      const snapshot = await availabilitySnapshot(w.env.ctx, id);
      if (!snapshot) return; // deleted meanwhile
      states.set(id, {
        status: snapshot.status,
        availability: {
          ...snapshot.availability,
          nextHoldExpiry: snapshot.nextHoldExpiry?.toISOString() ?? null,
        },
        figures: figures.get(id) ?? null,
      });
    }),
  );
  return states;
}

export async function outboxSize(env: TestEnv): Promise<number> {
  const { n } = await env.ctx.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Pending refunds due now: the refund job must be woken for them (a refund retried by hand). */
export async function refundsDue(env: TestEnv): Promise<number> {
  const { n } = await env.ctx.db
    .selectFrom('refunds')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', env.clock.now().toISOString())
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Which parts of an event changed ('deleted' when it is gone). */
export function differences(before: EventState, after: EventState | undefined): string[] {
  if (!after) return ['deleted'];
  return (['status', 'availability', 'figures'] as const).filter(
    (part) => JSON.stringify(before[part]) !== JSON.stringify(after[part]),
  );
}
