import { performance } from 'node:perf_hooks';
import { beforeAll, expect, it } from 'vitest';
import { validate } from './support/door';
import { buyTickets, makePublishedEvent, signInAdmin, signUp, type SignedIn } from './support/factories';
import { drained, streams } from './support/live-recording';
import { bearer, describeEachEngine } from './support/test-env';

describeEachEngine('live organizer dashboards', (env) => {
  const sse = streams(env);
  let organizer: SignedIn;
  let buyer: SignedIn;
  beforeAll(async () => {
    organizer = await signUp(env(), { role: 'organizer' });
    buyer = await signUp(env());
  });

  it('tells organizer dashboards which of their events changed, and no one else', async () => {
    expect((await sse.connect('/api/analytics/live')).status).toBe(401);
    expect((await sse.connect('/api/analytics/live', bearer(buyer.accessToken))).status).toBe(403);

    const other = await signUp(env(), { role: 'organizer' });
    const admin = await signInAdmin(env());
    const mine = await sse.connect('/api/analytics/live', bearer(organizer.accessToken));
    const theirs = await sse.connect('/api/analytics/live', bearer(other.accessToken));
    const admins = await sse.connect('/api/analytics/live', bearer(admin.accessToken));
    expect([mine.status, theirs.status, admins.status]).toEqual([200, 200, 200]);
    const recording = sse.record(env().app.live.dashboards.signals);

    const event = await makePublishedEvent(env(), organizer);
    await mine.until(
      () => mine.events('change').some((m) => m.data === JSON.stringify({ eventId: event.id })),
      1000,
      'the publish notice',
    );
    const sale = await buyTickets(env(), buyer, {
      eventId: event.id,
      items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
    });
    const soldAt = performance.now();
    const before = mine.events('change').length;
    await mine.waitFor('change', before + 1);
    expect(mine.events('change').at(-1)!.at - soldAt).toBeLessThan(1000);
    expect(JSON.parse(mine.events('change').at(-1)!.data)).toEqual({ eventId: event.id });

    // A check-in at the door is news to the dashboard too.
    const scanned = mine.events('change').length;
    const scan = await validate(env(), organizer, { code: sale.tickets![0]!.code, eventId: event.id });
    expect(scan.statusCode).toBe(200);
    await mine.waitFor('change', scanned + 1);

    await admins.until(
      () => admins.events('change').some((m) => JSON.parse(m.data).eventId === event.id),
      1000,
      'the admin notice',
    );
    // Every notice has been sent where it was going, and nothing more is pending; `theirs` has
    // all it was sent.
    const flushes = await recording.settled();
    expect(flushes.flatMap((f) => f.eventIds)).toContain(event.id);
    await drained(env(), theirs);
    expect(theirs.events('change')).toEqual([]);
  });
});
