import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDoor, ticketsFor, validate } from './support/door';
import { placeOrderOk, signInAdmin, signUp } from './support/factories';
import { FakeStripe } from './support/fake-stripe';
import { describeEachEngine, type TestEnv } from './support/test-env';
import { EVENT_SCENARIOS } from './support/write-routes/event-scenarios';
import { differences, outboxSize, refundsDue, snapshotAll } from './support/write-routes/event-watch';
import { IDENTITY_SCENARIOS } from './support/write-routes/identity-scenarios';
import { ORDER_SCENARIOS } from './support/write-routes/order-scenarios';
import { REFUND_SCENARIOS } from './support/write-routes/refund-scenarios';
import { documentedWriteRoutes, writeRoutes } from './support/write-routes/served-routes';
import { seats, WEBHOOK_SECRET, type Scenario, type World } from './support/write-routes/world';

/*
 * Issue 13: a write that changes what others watch (an event's availability, status or figures)
 * must say so after it commits (`deps.afterCommit.eventChanged`), or live streams and dashboards
 * go stale. This suite walks every write route the app serves — the list comes from the app, not
 * from this file — makes one successful call of each, and compares every event before and after:
 * each event that changed must have been published on the live bus during the call, and new
 * outbox mail, or a refund due at once, must have woken the background worker.
 */

const fake = await new FakeStripe().start();
afterAll(() => fake.stop());

/** One or more successful calls of every write route, keyed by "METHOD /path/pattern". */
const SCENARIOS: Record<string, Scenario[]> = {
  ...IDENTITY_SCENARIOS,
  ...EVENT_SCENARIOS,
  ...ORDER_SCENARIOS,
  ...REFUND_SCENARIOS,
};

/** Runs one scenario with live.publish and background.kick watched, and checks what it reported. */
async function runScenario(w: World, route: string, scenario: Scenario): Promise<void> {
  const { env } = w;
  const prepared = await scenario.prepare(w);
  const live = env.app.live;
  const background = env.app.background;
  const publish = live.publish;
  const kick = background.kick;
  const published: string[] = [];
  let kicks = 0;

  const before = await snapshotAll(w);
  const mailBefore = await outboxSize(env);
  const refundsBefore = await refundsDue(env);
  live.publish = (eventId) => {
    published.push(eventId);
    publish.call(live, eventId);
  };
  background.kick = () => {
    kicks++;
    kick.call(background);
  };
  let response: LightMyRequestResponse;
  try {
    response = await prepared.call();
  } finally {
    live.publish = publish;
    background.kick = kick;
  }
  // Reports are made after commit and before the use case returns, so they are all in by now:
  // nothing is awaited or slept on here, which is what makes a late (asynchronous) report fail.
  const after = await snapshotAll(w);
  const mailAfter = await outboxSize(env);
  const refundsAfter = await refundsDue(env);
  // Let the pass a kick started finish before the next scenario.
  if (kicks > 0) await background.runOnce();

  const label = `${route} (${scenario.title})`;
  expect(
    Math.floor(response.statusCode / 100),
    `${label} must succeed: ${response.statusCode} ${response.body.slice(0, 300)}`,
  ).toBe(2);

  const changed = new Map<string, string[]>();
  for (const [id, state] of before) {
    const parts = differences(state, after.get(id));
    if (parts.length > 0) changed.set(id, parts);
  }
  const problems: string[] = [];
  for (const [id, state] of after) {
    if (before.has(id)) continue;
    // Nobody can watch an event that did not exist; a draft is seen only by its organizer, who
    // made it. A new event anyone else could see would need a notice like any change.
    if (state.status === 'draft') continue;
    changed.set(id, [`created ${state.status}`]);
  }
  for (const [id, parts] of changed) {
    if (!published.includes(id))
      problems.push(
        `${label}: event ${id} changed (${parts.join(', ')}) but live.publish(${id}) was not called` +
          ` (published: [${published.join(', ')}])`,
      );
  }
  if (mailAfter > mailBefore && kicks === 0)
    problems.push(`${label}: ${mailAfter - mailBefore} mail(s) queued but background.kick() was not called`);
  if (refundsAfter > refundsBefore && kicks === 0)
    problems.push(`${label}: a refund became due now but background.kick() was not called`);
  expect(problems.join('\n'), 'every change is reported after commit').toBe('');

  const expected = scenario.changes === 'event' ? [prepared.event] : [];
  expect(
    [...changed.keys()],
    scenario.changes === 'event'
      ? `${label} must change event ${prepared.event}, and only it`
      : `${label} is said to change no event (${scenario.changes.none}), yet changed ${JSON.stringify([...changed])}`,
  ).toEqual(expected);
  expect(mailAfter > mailBefore, `${label} ${scenario.mail ? 'queues' : 'queues no'} mail`).toBe(
    !!scenario.mail,
  );
}

/** One suite: the route coverage check, then each scenario of this configuration. */
function walk(stripe: boolean) {
  return (env: () => TestEnv) => {
    let world: World | undefined;
    const w = () => {
      if (!world) throw new Error('world not ready');
      return world;
    };
    beforeAll(async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const door = await openDoor(env(), organizer);
      const buyer = await signUp(env());
      world = {
        env: env(),
        admin: await signInAdmin(env()),
        organizer,
        staff: door.staff,
        buyer,
        watched: door.event,
      };
      // With Stripe, a sale needs a webhook; that suite's scenarios do not act on this event.
      if (stripe) return;
      const { tickets } = await ticketsFor(env(), buyer, door.event, 2);
      await placeOrderOk(env(), buyer, seats(door.event));
      const scan = await validate(env(), door.staff, { code: tickets[0]!.code });
      if (scan.statusCode !== 200) throw new Error(`check-in failed: ${scan.statusCode} ${scan.body}`);
    });
    afterAll(() => {
      expect(fake.unexpected, 'no unexpected call to Stripe').toEqual([]);
    });

    it('has a scenario for every write route the app serves, and none for a route it does not', () => {
      const served = writeRoutes(env());
      // The parser reads the route tree right: it finds every write the OpenAPI document lists.
      expect(served.length).toBeGreaterThan(20);
      expect(documentedWriteRoutes(env()).filter((route) => !served.includes(route))).toEqual([]);

      const covered = Object.entries(SCENARIOS)
        .filter(([, variants]) => stripe || variants.some((v) => !v.stripe))
        .map(([route]) => route)
        .sort();
      expect(
        served.filter((route) => !covered.includes(route)),
        'write routes without a scenario: add one to SCENARIOS',
      ).toEqual([]);
      expect(
        covered.filter((route) => !served.includes(route)),
        'scenarios for routes the app no longer serves',
      ).toEqual([]);
    });

    for (const [route, variants] of Object.entries(SCENARIOS)) {
      for (const scenario of variants) {
        if (!!scenario.stripe !== stripe) continue;
        it(`${route}: ${scenario.title}`, () => runScenario(w(), route, scenario));
      }
    }
  };
}

describeEachEngine('after-commit notices: every write route reports what it changed', walk(false), {
  env: { MAX_PENDING_ORDERS_PER_BUYER: '10000' },
});

describeEachEngine('after-commit notices: every write route, Stripe configured (webhook)', walk(true), {
  env: {
    MAX_PENDING_ORDERS_PER_BUYER: '10000',
    STRIPE_SECRET_KEY: 'sk_test_eventhub_fake',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: fake.url,
  },
});
