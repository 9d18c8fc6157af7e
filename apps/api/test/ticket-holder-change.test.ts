import { expect, it } from 'vitest';
import { openDoor, ticketsFor, validate } from './support/door';
import { GOOD_PASSWORD, logIn, signUp } from './support/factories';
import { guestPaidOrder, mailsTo, withToken } from './support/guests';
import { bearer, describeEachEngine, json } from './support/test-env';

interface Ticket {
  id: string;
  holderName: string;
  holderEmail: string | null;
  code: string;
  status: string;
}

describeEachEngine('changing a ticket holder', (env) => {
  it('a guest passes a ticket on with the token: new code, the old one refused at the door, the new holder mailed', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const door = await openDoor(env(), organizer);
    const order = await guestPaidOrder(env(), {
      eventId: door.event.id,
      items: [{ ticketTypeId: door.event.ticketTypes[0]!.id, quantity: 2 }],
    });
    const [passed, kept] = order.tickets!;
    const res = await withToken(
      env(),
      order.orderToken,
      'PATCH',
      `/api/orders/${order.id}/tickets/${passed!.id}`,
      {
        holderName: 'Hanna Holder',
        holderEmail: 'Hanna@Example.test',
      },
    );
    expect(res.statusCode).toBe(200);
    const changed = json<Ticket>(res);
    expect(changed).toMatchObject({
      id: passed!.id,
      holderName: 'Hanna Holder',
      holderEmail: 'hanna@example.test',
      status: 'valid',
    });
    expect(changed.code).not.toBe(passed!.code);

    // The old code is void at the door, online and in the scanners' offline list; the new one admits.
    expect(json(await validate(env(), door.staff, { code: passed!.code })).code).toBe('void');
    const keys = json<{ revokedCodes: string[] }>(
      await env().app.inject({
        method: 'GET',
        url: `/api/events/${door.event.id}/checkin-keys`,
        headers: bearer(door.staff.accessToken),
      }),
    );
    expect(keys.revokedCodes).toEqual([passed!.code]);
    expect((await validate(env(), door.staff, { code: changed.code })).statusCode).toBe(200);
    expect((await validate(env(), door.staff, { code: kept!.code })).statusCode).toBe(200);

    const [mail] = await mailsTo(env(), 'hanna@example.test');
    expect(mail!.text).toContain(changed.code);
    expect(mail!.text).not.toContain(order.orderToken);
    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('target_id', '=', passed!.id)
      .where('action', '=', 'ticket.holder_changed')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['ticket.holder_changed', null]]);

    // Admitted now: a used ticket cannot change holder.
    const used = await withToken(
      env(),
      order.orderToken,
      'PATCH',
      `/api/orders/${order.id}/tickets/${passed!.id}`,
      {
        holderName: 'Too Late',
      },
    );
    expect(used.statusCode).toBe(409);
    expect(json(used).code).toBe('ticket_not_changeable');
  });

  it('the signed-in buyer changes a holder; refunded tickets cannot; the deadline is the event start', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const door = await openDoor(env(), organizer);
    const buyer = await signUp(env());
    const { order, tickets } = await ticketsFor(env(), buyer, door.event, 3);
    const [first, refunded, late] = tickets;
    let session = buyer;
    const patch = (ticketId: string, payload: object) =>
      env().app.inject({
        method: 'PATCH',
        url: `/api/orders/${order.id}/tickets/${ticketId}`,
        headers: bearer(session.accessToken),
        payload,
      });

    const renamed = await patch(first!.id, { holderName: 'Renamed Only' });
    expect(renamed.statusCode).toBe(200);
    expect(json<Ticket>(renamed).holderName).toBe('Renamed Only');
    expect(json(await patch(first!.id, {})).code).toBe('validation_failed');
    expect((await patch('no-such-ticket', { holderName: 'X' })).statusCode).toBe(404);

    const refund = await env().app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/refunds`,
      headers: bearer(organizer.accessToken),
      payload: { ticketIds: [refunded!.id] },
    });
    expect(refund.statusCode).toBe(201);
    const voided = await patch(refunded!.id, { holderName: 'Ghost' });
    expect(voided.statusCode).toBe(409);
    expect(json(voided).code).toBe('ticket_not_changeable');

    // One second before the start it still works; at the start it no longer does.
    const startsAt = new Date(door.event.startsAt as string).getTime();
    env().clock.set(new Date(startsAt - 1000));
    // A month later the access token has long expired: sign in again.
    session = await logIn(env(), buyer.user.email, GOOD_PASSWORD);
    expect((await patch(late!.id, { holderName: 'Just In Time' })).statusCode).toBe(200);
    env().clock.set(new Date(startsAt));
    const afterStart = await patch(late!.id, { holderName: 'Too Late' });
    expect(afterStart.statusCode).toBe(409);
    expect(json(afterStart)).toMatchObject({ code: 'change_deadline_passed', deadline: door.event.startsAt });
    // Nothing changed by the refused attempt.
    const current = json<{ tickets: Ticket[] }>(
      await env().app.inject({
        method: 'GET',
        url: `/api/orders/${order.id}`,
        headers: bearer(session.accessToken),
      }),
    );
    expect(current.tickets.find((t) => t.id === late!.id)!.holderName).toBe('Just In Time');
  });

  it("follows the event's change deadline setting: hours before the start, or off", async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const door = await openDoor(env(), organizer, {
      ticketChangePolicy: { holderChangesUntilHoursBefore: 48 },
    });
    expect(door.event.ticketChangePolicy).toEqual({ holderChangesUntilHoursBefore: 48 });
    const order = await guestPaidOrder(env(), {
      eventId: door.event.id,
      items: [{ ticketTypeId: door.event.ticketTypes[0]!.id, quantity: 1 }],
    });
    const ticket = order.tickets![0]!;
    const startsAt = new Date(door.event.startsAt as string).getTime();
    const deadline = new Date(startsAt - 48 * 3_600_000).toISOString();
    const view = json<{ holderChanges: unknown }>(
      await withToken(env(), order.orderToken, 'GET', `/api/orders/${order.id}`),
    );
    expect(view.holderChanges).toEqual({ allowed: true, until: deadline });
    const patch = (holderName: string) =>
      withToken(env(), order.orderToken, 'PATCH', `/api/orders/${order.id}/tickets/${ticket.id}`, {
        holderName,
      });

    env().clock.set(new Date(startsAt - 49 * 3_600_000));
    expect((await patch('Early Enough')).statusCode).toBe(200);
    env().clock.set(new Date(startsAt - 47 * 3_600_000));
    const late = await patch('Too Late');
    expect(late.statusCode).toBe(409);
    expect(json(late)).toMatchObject({ code: 'change_deadline_passed', deadline });

    // The organizer turns changes off: refused whatever the date, and the order says so.
    env().clock.set(new Date(startsAt - 30 * 86_400_000));
    const organizerAgain = await logIn(env(), organizer.user.email, GOOD_PASSWORD);
    const off = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${door.event.id}`,
      headers: bearer(organizerAgain.accessToken),
      payload: { ticketChangePolicy: { holderChangesUntilHoursBefore: null } },
    });
    expect(off.statusCode).toBe(200);
    const refused = await patch('Not Allowed');
    expect(refused.statusCode).toBe(409);
    expect(json(refused).code).toBe('holder_changes_disabled');
    const after = json<{ holderChanges: unknown; tickets: Ticket[] }>(
      await withToken(env(), order.orderToken, 'GET', `/api/orders/${order.id}`),
    );
    expect(after.holderChanges).toEqual({ allowed: false, until: null });
    expect(after.tickets[0]!.holderName).toBe('Early Enough');
  });
});
