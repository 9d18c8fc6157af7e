import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { linkToken } from './support/account-mail';
import { openDoor, ticketsFor, validate } from './support/door';
import {
  makeEvent,
  signInAdmin,
  signUp,
  uniqueEmail,
  type EventBody,
  type OrderBody,
  type SignedIn,
} from './support/factories';
import { refund } from './support/order-probes';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

interface Entry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  actor: { id: string; name: string; email: string } | null;
  target: { type: string; id: string | null; name: string | null } | null;
  detailNames: Record<string, string>;
}

interface Log {
  items: Entry[];
  total: number;
}

describeEachEngine('audit log: who and what, named, and its filters', (env) => {
  let admin: SignedIn;
  let organizer: SignedIn;
  let buyer: SignedIn;
  let staff: SignedIn;
  let event: EventBody;
  let paid: OrderBody;
  let reference: string;
  let eventName: string;
  let deletedName: string;
  let deletedId: string;

  async function log(query: string): Promise<Log> {
    const res = await env().app.inject({
      method: 'GET',
      url: `/api/admin/audit-log?pageSize=100&${query}`,
      headers: bearer(admin.accessToken),
    });
    expect(res.statusCode, res.body).toBe(200);
    return json<Log>(res);
  }

  function only(entries: Entry[], action: string): Entry {
    const found = entries.filter((e) => e.action === action);
    expect(found, action).toHaveLength(1);
    return found[0]!;
  }

  beforeAll(async () => {
    const e: TestEnv = env();
    const stamp = randomUUID().slice(0, 8);
    admin = await signInAdmin(e);
    organizer = await signUp(e, { role: 'organizer', name: `Olga Organizer ${stamp}` });
    buyer = await signUp(e, { name: `Bea Buyer ${stamp}`, email: uniqueEmail(`bea-${stamp}`) });
    eventName = `Audit Gala ${stamp}`;
    const door = await openDoor(e, organizer, { name: eventName });
    staff = door.staff;
    event = door.event;
    const bought = await ticketsFor(e, buyer, event, 2);
    paid = bought.order;
    reference = String(paid.reference);
    expect(
      (await refund(e, organizer.accessToken, paid.id, { ticketIds: [bought.tickets[0]!.id] })).statusCode,
    ).toBe(201);
    expect((await validate(e, staff, { code: bought.tickets[1]!.code })).statusCode).toBe(200);
    await e.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${buyer.user.id}`,
      headers: bearer(admin.accessToken),
      payload: { role: 'organizer' },
    });
    deletedName = `Short-lived ${stamp}`;
    const draft = await makeEvent(e, organizer, { name: deletedName });
    deletedId = draft.id;
    const deleted = await e.app.inject({
      method: 'DELETE',
      url: `/api/events/${draft.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
  });

  it('names the actor and the target of each entry, and the ids in its details, keeping the stored fields', async () => {
    const orderEntries = (await log(`targetId=${paid.id}`)).items;
    const placed = only(orderEntries, 'order.placed');
    expect(Object.keys(placed)).toEqual(
      expect.arrayContaining(['id', 'at', 'actorId', 'action', 'targetType', 'targetId', 'ip', 'details']),
    );
    expect(placed).toMatchObject({
      actorId: buyer.user.id,
      actor: { id: buyer.user.id, name: buyer.user.name, email: buyer.user.email },
      targetType: 'order',
      targetId: paid.id,
      target: { type: 'order', id: paid.id, name: `${reference} · ${eventName}` },
      details: { eventId: event.id },
      detailNames: { eventId: eventName },
    });

    const refunded = only(
      (await log(`targetType=refund`)).items.filter((r) => r.details.orderId === paid.id),
      'refund.succeeded',
    );
    expect(refunded.target).toMatchObject({ type: 'refund', name: reference });
    expect(refunded.detailNames).toEqual({ orderId: reference });

    const checkedIn = only((await log(`actorId=${staff.user.id}`)).items, 'ticket.checked_in');
    expect(checkedIn.actor).toMatchObject({ id: staff.user.id, name: 'Door Staff' });
    expect(checkedIn.target).toMatchObject({
      type: 'ticket',
      name: `${paid.tickets![1]!.holderName} · ${eventName}`,
    });

    const roleChange = only((await log(`targetId=${buyer.user.id}`)).items, 'user.role_changed');
    expect(roleChange.actor).toMatchObject({ id: admin.user.id, email: admin.user.email });
    expect(roleChange.target).toEqual({
      type: 'user',
      id: buyer.user.id,
      name: `${buyer.user.name} (${buyer.user.email})`,
    });

    // A deleted event is gone from its table; its entry kept the name.
    const gone = only((await log(`targetId=${deletedId}`)).items, 'event.deleted');
    expect(gone.target).toEqual({ type: 'event', id: deletedId, name: deletedName });

    // An entry made by no one reads as the system's.
    const system = (await log('action=refund.succeeded')).items.find((r) => r.targetId === refunded.targetId);
    expect(system).toMatchObject({ actorId: null, actor: null });
  });

  it('names questions (a deleted one by the label its entry kept) and the organizer in a staff entry', async () => {
    const ask = (label: string) =>
      env().app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/questions`,
        headers: bearer(organizer.accessToken),
        payload: { label, kind: 'text', scope: 'order' },
      });
    const kept = json<{ id: string }>(await ask('Company name'));
    const dropped = json<{ id: string }>(await ask('Dietary needs'));
    const removed = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}/questions/${dropped.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(removed.statusCode, removed.body).toBeLessThan(300);

    const added = only((await log(`targetId=${kept.id}`)).items, 'question.created');
    expect(added.target).toEqual({ type: 'question', id: kept.id, name: `Company name · ${eventName}` });
    expect(added.detailNames).toEqual({ eventId: eventName });
    const gone = only((await log(`targetId=${dropped.id}`)).items, 'question.deleted');
    expect(gone.target).toMatchObject({ type: 'question', name: 'Dietary needs' });
    expect((await log('target=company%20NAME')).items.map((e) => e.targetId)).toEqual([kept.id]);

    // Invited staff who accept: the entry names the organizer they work for.
    const invitee = uniqueEmail('invited-door');
    const invited = await env().app.inject({
      method: 'POST',
      url: '/api/organizer/staff',
      headers: bearer(organizer.accessToken),
      payload: { email: invitee, name: 'Invited Door' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const accepted = await env().app.inject({
      method: 'POST',
      url: '/api/auth/staff-invite/accept',
      payload: {
        token: await linkToken(env(), invitee, 'accept-invite'),
        password: 'a long door staff password',
      },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const joined = only(
      (await log(`action=staff.invitation_accepted&actor=${invitee}`)).items,
      'staff.invitation_accepted',
    );
    expect(joined.details.organizerId).toBe(organizer.user.id);
    expect(joined.detailNames).toEqual({ organizerId: `${organizer.user.name} (${organizer.user.email})` });
  });

  it('filters by the actor: id, or any part of the name or e-mail in any case', async () => {
    const byId = await log(`actorId=${buyer.user.id}`);
    const byName = await log(`actor=${encodeURIComponent(buyer.user.name.toUpperCase())}`);
    const byEmail = await log(`actor=${encodeURIComponent(buyer.user.email.split('@')[0]!.slice(2))}`);
    expect(byId.total).toBeGreaterThanOrEqual(2);
    for (const page of [byName, byEmail]) {
      expect(page.items.map((e) => e.id)).toEqual(byId.items.map((e) => e.id));
      expect(page.items.every((e) => e.actor?.id === buyer.user.id)).toBe(true);
    }
    expect(byId.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.registered', 'order.placed']),
    );
    expect((await log('actor=nobody-has-this-name')).total).toBe(0);
    // The text is matched as written: % and _ are not wildcards.
    expect((await log('actor=%25')).total).toBe(0);
  });

  it('filters by one action, or by every action of a subject', async () => {
    const exact = await log(`action=order.placed&targetId=${paid.id}`);
    expect(exact.items.map((e) => e.action)).toEqual(['order.placed']);

    for (const subject of ['order', 'order.']) {
      const all = await log(`action=${subject}&targetId=${paid.id}`);
      expect(all.items.map((e) => e.action).sort()).toEqual([
        'order.paid',
        'order.partially_refunded',
        'order.placed',
      ]);
    }
    // `ticket` is not `ticket_type`.
    const tickets = await log('action=ticket');
    expect(tickets.items.length).toBeGreaterThan(0);
    expect(tickets.items.every((e) => e.action.startsWith('ticket.'))).toBe(true);
    expect((await log('action=order.placed.nothing')).total).toBe(0);
  });

  it('filters by target: type, type and id, or text in its name', async () => {
    const tickets = await log('targetType=ticket');
    expect(tickets.items.length).toBeGreaterThan(0);
    expect(tickets.items.every((e) => e.targetType === 'ticket')).toBe(true);

    const oneOrder = await log(`targetType=order&targetId=${paid.id}`);
    expect(oneOrder.total).toBe(3);
    expect(oneOrder.items.every((e) => e.targetId === paid.id)).toBe(true);
    expect((await log(`targetType=user&targetId=${paid.id}`)).total).toBe(0);

    const byEventName = await log(`target=${encodeURIComponent(eventName.toLowerCase())}`);
    expect(byEventName.items.map((e) => [e.targetType, e.action])).toEqual(
      expect.arrayContaining([
        ['event', 'event.created'],
        ['event', 'event.published'],
      ]),
    );
    expect(byEventName.items.every((e) => e.targetId === event.id)).toBe(true);

    const byReference = await log(`target=${reference.toLowerCase()}`);
    expect(byReference.items.map((e) => e.targetId)).toEqual([paid.id, paid.id, paid.id]);

    const byUser = await log(`target=${encodeURIComponent(buyer.user.email)}`);
    expect(byUser.items.length).toBeGreaterThan(0);
    expect(byUser.items.every((e) => e.targetType === 'user' && e.targetId === buyer.user.id)).toBe(true);

    const byHolder = await log(
      `targetType=ticket&target=${encodeURIComponent(paid.tickets![1]!.holderName)}`,
    );
    expect(byHolder.items.map((e) => e.action)).toContain('ticket.checked_in');
  });

  it('filters by time: from and to, inclusive', async () => {
    const placed = only((await log(`targetId=${paid.id}`)).items, 'order.placed');
    const at = encodeURIComponent(placed.at);
    const window = await log(`targetId=${paid.id}&from=${at}&to=${at}`);
    expect(window.items.map((e) => e.id)).toContain(placed.id);
    const before = encodeURIComponent(new Date(Date.parse(placed.at) - 60_000).toISOString());
    expect((await log(`targetId=${paid.id}&to=${before}`)).total).toBe(0);
  });

  it('lists the actions it records, labelled, for admins only', async () => {
    const res = await env().app.inject({
      method: 'GET',
      url: '/api/admin/audit-log/actions',
      headers: bearer(admin.accessToken),
    });
    expect(res.statusCode).toBe(200);
    const { items } = json<{
      items: { action: string; label: string; description: string; group: string }[];
    }>(res);
    expect(items).toContainEqual(
      expect.objectContaining({ action: 'order.placed', label: 'Order placed', group: 'Orders' }),
    );
    expect(items.find((i) => i.action === 'auth.login_failed')).toMatchObject({ label: 'Sign-in refused' });
    expect(items.every((i) => i.label && i.description && i.group)).toBe(true);

    const forbidden = await env().app.inject({
      method: 'GET',
      url: '/api/admin/audit-log/actions',
      headers: bearer(organizer.accessToken),
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
