import { expect, it } from 'vitest';
import { makePublishedEvent, signUp } from './support/factories';
import { eventually, guestOrderOk, guestPaidOrder, mailsTo, newGuest, withToken } from './support/guests';
import { describeEachEngine, json, type TestEnv } from './support/test-env';

function lookup(env: TestEnv, email: string, ip = '127.0.0.1') {
  return env.app.inject({ method: 'POST', url: '/api/orders/lookup', payload: { email }, remoteAddress: ip });
}

/** Waits until the lookups answered so far have run (each writes one audit entry after its 202). */
async function lookupsDone(env: TestEnv, count: number): Promise<void> {
  await eventually(async () => {
    const rows = await env.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'order.links_requested')
      .execute();
    return rows.length >= count;
  });
}

describeEachEngine(
  'finding my orders by e-mail',
  (env) => {
    it('answers the same for a known and an unknown address, and mails only the known one, once', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer);
      const guest = newGuest('lookup');
      const items = [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }];
      const paid = await guestPaidOrder(env(), { eventId: event.id, items }, { buyer: guest });
      const pending = await guestOrderOk(env(), { eventId: event.id, items }, { buyer: guest });
      const before = (await mailsTo(env(), guest.email)).length;

      const known = await lookup(env(), guest.email.toUpperCase());
      const unknown = await lookup(env(), 'nobody-bought-anything@example.test');
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(known.body).toBe(unknown.body);
      expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(known.headers['content-length']).toBe(unknown.headers['content-length']);

      await lookupsDone(env(), 2);
      const mails = await mailsTo(env(), guest.email);
      expect(mails).toHaveLength(before + 1);
      const mail = mails.at(-1)!;
      expect(mail.text).toContain(paid.reference);
      expect(mail.text).toContain(pending.reference);
      expect(await mailsTo(env(), 'nobody-bought-anything@example.test')).toEqual([]);

      // Each link opens its order; the links already sent keep working.
      const links = [...mail.text.matchAll(/\/account\/orders\/([\w-]+)\?token=([\w-]+)/g)];
      expect(links.map((l) => l[1]).sort()).toEqual([paid.id, pending.id].sort());
      for (const [, id, token] of links)
        expect((await withToken(env(), token!, 'GET', `/api/orders/${id}`)).statusCode).toBe(200);
      expect((await withToken(env(), paid.orderToken, 'GET', `/api/orders/${paid.id}`)).statusCode).toBe(200);
    });

    it('is rate limited per address and per IP, the same for known and unknown addresses', async () => {
      // RATE_LIMIT_ORDER_LOOKUP_PER_ADDRESS=2, RATE_LIMIT_ORDER_LOOKUP_PER_IP=5 for this suite.
      const address = 'limited@example.test';
      expect((await lookup(env(), address, '198.51.100.1')).statusCode).toBe(202);
      expect((await lookup(env(), address, '198.51.100.2')).statusCode).toBe(202);
      const third = await lookup(env(), address, '198.51.100.3');
      expect(third.statusCode).toBe(429);
      expect(json(third).code).toBe('rate_limited');

      const ip = '198.51.100.9';
      for (let i = 0; i < 5; i++)
        expect((await lookup(env(), `many-${i}@example.test`, ip)).statusCode).toBe(202);
      expect((await lookup(env(), 'many-6@example.test', ip)).statusCode).toBe(429);
    });

    it('refuses what is not an address with 400', async () => {
      const res = await lookup(env(), 'not an address');
      expect(res.statusCode).toBe(400);
      expect(json(res).code).toBe('validation_failed');
    });
  },
  { env: { RATE_LIMIT_ORDER_LOOKUP_PER_ADDRESS: '2', RATE_LIMIT_ORDER_LOOKUP_PER_IP: '5' } },
);
