import { ticketsFor, validate } from '../door';
import { buyTickets, pay, placeOrderOk } from '../factories';
import { refund } from '../order-probes';
import { postStripeWebhook } from '../stripe-webhook';
import {
  intentEvent,
  seats,
  send,
  smallEvent,
  stripePendingOrder,
  WEBHOOK_SECRET,
  type Scenario,
} from './world';

/** Orders, payments and the door. */
export const ORDER_SCENARIOS: Record<string, Scenario[]> = {
  'POST /api/orders': [
    {
      title: 'hold seats',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        return {
          event: event.id,
          call: () =>
            send(w, 'POST', '/api/orders', { token: w.buyer.accessToken, payload: seats(event, 2) }),
        };
      },
    },
    {
      title: 'take free seats (paid at once, tickets mailed)',
      changes: 'event',
      mail: true,
      prepare: async (w) => {
        const event = await smallEvent(w, { ticketTypes: [{ name: 'Free', price: 0, limit: 20 }] });
        return {
          event: event.id,
          call: () => send(w, 'POST', '/api/orders', { token: w.buyer.accessToken, payload: seats(event) }),
        };
      },
    },
    {
      title: 'hold seats as a guest (no account)',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const buyer = { email: `guest-${Date.now()}@example.test`, name: 'Guest' };
        return {
          event: event.id,
          call: () => send(w, 'POST', '/api/orders', { payload: { ...seats(event), buyer } }),
        };
      },
    },
  ],
  'POST /api/orders/:id/pay': [
    {
      title: 'pay (test provider: succeeded; tickets mailed)',
      changes: 'event',
      mail: true,
      prepare: async (w) => {
        const event = await smallEvent(w);
        const order = await placeOrderOk(w.env, w.buyer, seats(event, 2));
        return { event: event.id, call: () => pay(w.env, w.buyer, order.id) };
      },
    },
    {
      title: 'pay (test provider: failed, the hold is released)',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const order = await placeOrderOk(w.env, w.buyer, seats(event, 2));
        return { event: event.id, call: () => pay(w.env, w.buyer, order.id, 'failed') };
      },
    },
  ],
  'POST /api/orders/:id/cancel': [
    {
      title: 'cancel a pending order',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const order = await placeOrderOk(w.env, w.buyer, seats(event, 2));
        return {
          event: event.id,
          call: () => send(w, 'POST', `/api/orders/${order.id}/cancel`, { token: w.buyer.accessToken }),
        };
      },
    },
  ],
  'POST /api/orders/:id/refunds': [
    {
      title: 'refund one ticket of a paid order',
      changes: 'event',
      mail: true,
      prepare: async (w) => {
        const event = await smallEvent(w);
        const order = await buyTickets(w.env, w.buyer, seats(event, 2));
        return {
          event: event.id,
          call: () =>
            refund(w.env, w.organizer.accessToken, order.id, { ticketIds: [order.tickets![0]!.id] }),
        };
      },
    },
  ],
  'POST /api/payments/stripe/webhook': [
    {
      title: 'Stripe reports a payment succeeded (tickets mailed)',
      changes: 'event',
      mail: true,
      stripe: true,
      prepare: async (w) => {
        const { event, order, intent } = await stripePendingOrder(w);
        const delivery = intentEvent('payment_intent.succeeded', intent, order.id);
        return {
          event: event.id,
          call: () => postStripeWebhook(w.env, delivery, { secret: WEBHOOK_SECRET }),
        };
      },
    },
    {
      title: 'Stripe reports a payment failed (the hold is released)',
      changes: 'event',
      stripe: true,
      prepare: async (w) => {
        const { event, order, intent } = await stripePendingOrder(w);
        const delivery = intentEvent('payment_intent.payment_failed', intent, order.id);
        return {
          event: event.id,
          call: () => postStripeWebhook(w.env, delivery, { secret: WEBHOOK_SECRET }),
        };
      },
    },
  ],

  // The door.
  'POST /api/tickets/validate': [
    {
      title: 'admit a ticket at the door',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const { tickets } = await ticketsFor(w.env, w.buyer, event);
        return {
          event: event.id,
          call: () => validate(w.env, w.staff, { code: tickets[0]!.code, eventId: event.id }),
        };
      },
    },
  ],
  'POST /api/events/:id/checkins/sync': [
    {
      title: 'upload offline scans',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const { tickets } = await ticketsFor(w.env, w.buyer, event, 2);
        const scannedAt = w.env.clock.now().toISOString();
        return {
          event: event.id,
          call: () =>
            send(w, 'POST', `/api/events/${event.id}/checkins/sync`, {
              token: w.staff.accessToken,
              payload: { deviceId: 'door-2', scans: tickets.map((t) => ({ code: t.code, scannedAt })) },
            }),
        };
      },
    },
  ],
  'PATCH /api/orders/:id/tickets/:ticketId': [
    {
      title: 'pass a ticket on to another holder (new code, the holder mailed)',
      changes: { none: 'the same seat gets a new holder and code: nothing is sold, refunded or admitted' },
      mail: true,
      prepare: async (w) => {
        const { order, tickets } = await ticketsFor(w.env, w.buyer, w.watched);
        return {
          call: () =>
            send(w, 'PATCH', `/api/orders/${order.id}/tickets/${tickets[0]!.id}`, {
              token: w.buyer.accessToken,
              payload: { holderName: 'New Holder', holderEmail: 'new-holder@example.test' },
            }),
        };
      },
    },
  ],
  'POST /api/orders/lookup': [
    {
      title: 'ask for the links to the orders of an address without orders',
      changes: { none: 'reads orders; a mail (only to an address with orders) is queued after the answer' },
      prepare: async (w) => ({
        call: () => send(w, 'POST', '/api/orders/lookup', { payload: { email: 'no-orders@example.test' } }),
      }),
    },
  ],
  'POST /api/tickets/:id/reissue': [
    {
      title: 'reissue a leaked ticket code',
      changes: { none: 'the same seat gets a new code: nothing is sold, refunded or admitted' },
      prepare: async (w) => {
        const { tickets } = await ticketsFor(w.env, w.buyer, w.watched);
        return {
          call: () =>
            send(w, 'POST', `/api/tickets/${tickets[0]!.id}/reissue`, { token: w.buyer.accessToken }),
        };
      },
    },
  ],
};
