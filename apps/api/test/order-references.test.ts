import { expect, it } from 'vitest';
import { makePublishedEvent, signUp } from './support/factories';
import { guestOrder, newGuest } from './support/guests';
import { describeEachEngine, json } from './support/test-env';

describeEachEngine(
  'order references under load',
  (env) => {
    it('gives 1,000 concurrent orders (guests and accounts) 1,000 distinct references', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer, {
        capacity: 5000,
        ticketTypes: [{ name: 'General', price: 10, limit: 5000 }],
      });
      const payload = { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }] };
      const accounts = await Promise.all(Array.from({ length: 10 }, () => signUp(env())));
      const answers = await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          i < 20
            ? env().app.inject({
                method: 'POST',
                url: '/api/orders',
                headers: { authorization: `Bearer ${accounts[i % 10]!.accessToken}` },
                payload,
              })
            : guestOrder(env(), payload, { buyer: newGuest(`crowd${i}`), ip: `10.0.${i % 20}.1` }),
        ),
      );
      expect(answers.filter((a) => a.statusCode !== 201).map((a) => a.body)).toEqual([]);
      const references = answers.map((a) => json<{ reference: string }>(a).reference);
      expect(new Set(references).size).toBe(1000);
      const stored = await env()
        .ctx.db.selectFrom('orders')
        .select('reference')
        .where('event_id', '=', event.id)
        .execute();
      expect(new Set(stored.map((s) => s.reference)).size).toBe(1000);
      expect(references.every((r) => /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(r))).toBe(true);
    }, 120_000);
  },
  { env: { MAX_PENDING_ORDERS_PER_IP: '1000' } },
);
