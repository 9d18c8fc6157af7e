import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { openDoor } from './support/door';
import {
  buyTickets,
  makePublishedEvent,
  placeOrderOk,
  signInAdmin,
  signUp,
  type EventBody,
  type OrderBody,
  type SignedIn,
} from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

interface Listed {
  items: (OrderBody & { reference: string; buyerEmail?: string; eventId: string })[];
  total: number;
  page: number;
  pageSize: number;
}

function seats(event: EventBody, quantity = 1) {
  return { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity }] };
}

async function list(env: TestEnv, who: SignedIn, url: string): Promise<Listed> {
  const res = await env.app.inject({ method: 'GET', url, headers: bearer(who.accessToken) });
  expect(res.statusCode, res.body).toBe(200);
  return json<Listed>(res);
}

const ids = (page: Listed) => page.items.map((o) => o.id).sort();
const sorted = (...orders: { id: string }[]) => orders.map((o) => o.id).sort();

describeEachEngine('the organizer’s orders across events, and the order filters', (env) => {
  const tag = `t${randomUUID().slice(0, 6)}`;
  let olga: SignedIn;
  let otto: SignedIn;
  let admin: SignedIn;
  let alice: SignedIn;
  let bob: SignedIn;
  let jazz: EventBody;
  let rust: EventBody;
  let othersJazz: EventBody;
  let aliceJazz: OrderBody;
  let aliceRust: OrderBody;
  let bobJazz: OrderBody;
  let bobPending: OrderBody;
  let ottoOrder: OrderBody;

  beforeAll(async () => {
    olga = await signUp(env(), { role: 'organizer' });
    otto = await signUp(env(), { role: 'organizer' });
    admin = await signInAdmin(env());
    alice = await signUp(env(), { email: `alice-${tag}@example.test`, name: 'Alice Buyer' });
    bob = await signUp(env(), { email: `bob-${tag}@example.test`, name: 'Bob Buyer' });
    jazz = await makePublishedEvent(env(), olga, { name: `Jazz Night ${tag}` });
    rust = await makePublishedEvent(env(), olga, { name: `Rust Meetup ${tag}` });
    othersJazz = await makePublishedEvent(env(), otto, { name: `JAZZ Festival ${tag}` });
    aliceJazz = await buyTickets(env(), alice, seats(jazz));
    aliceRust = await buyTickets(env(), alice, seats(rust, 2));
    bobJazz = await buyTickets(env(), bob, seats(jazz));
    bobPending = await placeOrderOk(env(), bob, seats(rust));
    ottoOrder = await buyTickets(env(), alice, seats(othersJazz));
  });

  it('lists every order of the organizer’s events and none of another organizer’s, whatever the filters', async () => {
    const all = await list(env(), olga, '/api/organizer/orders?pageSize=100');
    expect(ids(all)).toEqual(sorted(aliceJazz, aliceRust, bobJazz, bobPending));
    expect(all.total).toBe(4);
    // Newest first.
    expect(all.items[0]!.id).toBe(bobPending.id);

    const theirs = await list(env(), otto, '/api/organizer/orders');
    expect(ids(theirs)).toEqual([ottoOrder.id]);

    // Pointing a filter at the other organizer's event or buyer finds nothing of theirs.
    expect((await list(env(), olga, `/api/organizer/orders?eventId=${othersJazz.id}`)).items).toEqual([]);
    expect(ids(await list(env(), olga, `/api/organizer/orders?event=festival`))).toEqual([]);
    const sneaky = await env().app.inject({
      method: 'GET',
      url: `/api/organizer/orders?organizerId=${otto.user.id}`,
      headers: bearer(olga.accessToken),
    });
    if (sneaky.statusCode === 200) expect(ids(json<Listed>(sneaky))).not.toContain(ottoOrder.id);
    else expect(sneaky.statusCode).toBe(400);
  });

  it('filters by event name (contains, any case), reference, buyer e-mail and status, alone or together', async () => {
    const byEvent = await list(
      env(),
      olga,
      `/api/organizer/orders?event=${encodeURIComponent('jAzZ nIgHt')}`,
    );
    expect(ids(byEvent)).toEqual(sorted(aliceJazz, bobJazz));

    const reference = aliceRust.reference as string;
    const typed = reference.toLowerCase().replace('-', ' ');
    expect(
      ids(await list(env(), olga, `/api/organizer/orders?reference=${encodeURIComponent(typed)}`)),
    ).toEqual([aliceRust.id]);
    const part = reference.replace('-', '').slice(2, 7).toLowerCase();
    expect(ids(await list(env(), olga, `/api/organizer/orders?reference=${part}`))).toContain(aliceRust.id);
    expect((await list(env(), otto, `/api/organizer/orders?reference=${reference}`)).items).toEqual([]);

    const byEmail = await list(env(), olga, `/api/organizer/orders?email=ALICE-${tag}`);
    expect(ids(byEmail)).toEqual(sorted(aliceJazz, aliceRust));

    expect(ids(await list(env(), olga, '/api/organizer/orders?status=pending'))).toEqual([bobPending.id]);
    expect(ids(await list(env(), olga, '/api/organizer/orders?status=paid'))).toEqual(
      sorted(aliceJazz, aliceRust, bobJazz),
    );

    const together = await list(
      env(),
      olga,
      `/api/organizer/orders?event=rust&email=bob-${tag}&status=pending`,
    );
    expect(ids(together)).toEqual([bobPending.id]);
    expect(
      (await list(env(), olga, `/api/organizer/orders?event=rust&email=bob-${tag}&status=paid`)).items,
    ).toEqual([]);

    // `q` still searches buyer name and e-mail, order id and reference.
    expect(ids(await list(env(), olga, '/api/organizer/orders?q=bob%20buyer'))).toEqual(
      sorted(bobJazz, bobPending),
    );
    expect(ids(await list(env(), olga, `/api/organizer/orders?q=${bobJazz.reference as string}`))).toEqual([
      bobJazz.id,
    ]);

    // Wildcards are text: "%" and "_" match only themselves.
    expect((await list(env(), olga, '/api/organizer/orders?event=%25')).items).toEqual([]);
    expect((await list(env(), olga, '/api/organizer/orders?email=_')).items).toEqual([]);
  });

  it('pages the filtered list', async () => {
    const first = await list(env(), olga, '/api/organizer/orders?pageSize=3&page=1');
    const second = await list(env(), olga, '/api/organizer/orders?pageSize=3&page=2');
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(1);
    expect([...ids(first), ...ids(second)].sort()).toEqual(sorted(aliceJazz, aliceRust, bobJazz, bobPending));
  });

  it('is for organizers only', async () => {
    const anonymous = await env().app.inject({ method: 'GET', url: '/api/organizer/orders' });
    expect(anonymous.statusCode).toBe(401);
    for (const who of [alice, admin, (await openDoor(env(), olga)).staff]) {
      const res = await env().app.inject({
        method: 'GET',
        url: '/api/organizer/orders',
        headers: bearer(who.accessToken),
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('filters an event’s orders and the admin’s list by the same fields', async () => {
    const eventOrders = await list(env(), olga, `/api/events/${jazz.id}/orders?email=bob-${tag}`);
    expect(ids(eventOrders)).toEqual([bobJazz.id]);
    expect(
      ids(
        await list(env(), olga, `/api/events/${rust.id}/orders?reference=${aliceRust.reference as string}`),
      ),
    ).toEqual([aliceRust.id]);

    // The admin sees both organizers' jazz events by name.
    const adminByName = await list(env(), admin, `/api/admin/orders?event=jazz&email=${tag}&pageSize=100`);
    expect(ids(adminByName)).toEqual(sorted(aliceJazz, bobJazz, ottoOrder));
    const adminPending = await list(env(), admin, `/api/admin/orders?event=${tag}&status=pending`);
    expect(ids(adminPending)).toEqual([bobPending.id]);
  });
});
