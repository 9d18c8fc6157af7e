import { buyTickets, makeEvent, placeOrderOk } from '../factories';
import { jpegWithGps, multipart } from '../images';
import { bearer } from '../test-env';
import { asOrganizer, promotionOf, seats, smallEvent, type Scenario, type World } from './world';

/** A fresh optional question of the watched event, for the scenarios that change or delete one. */
async function questionOf(w: World): Promise<string> {
  const res = await asOrganizer(w, 'POST', `/api/events/${w.watched.id}/questions`, {
    label: 'Company',
    kind: 'text',
    scope: 'order',
  });
  if (res.statusCode !== 201) throw new Error(`question failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Events and their catalogue. */
export const EVENT_SCENARIOS: Record<string, Scenario[]> = {
  'POST /api/events': [
    {
      title: 'create an event',
      changes: {
        none: 'a new event is a draft, seen only by its organizer, who gets it in the answer (checked below)',
      },
      prepare: async (w) => ({
        call: () =>
          asOrganizer(w, 'POST', '/api/events', {
            name: 'Brand new',
            capacity: 10,
            ticketTypes: [{ name: 'GA', price: 10, limit: 10 }],
          }),
      }),
    },
  ],
  'PATCH /api/events/:id': [
    {
      title: 'lower the capacity of a published event',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w, {
          ticketTypes: [
            { name: 'GA', price: 25, limit: 15 },
            { name: 'VIP', price: 60, limit: 5 },
          ],
        });
        return {
          event: event.id,
          call: () => asOrganizer(w, 'PATCH', `/api/events/${event.id}`, { capacity: 16 }),
        };
      },
    },
  ],
  'DELETE /api/events/:id': [
    {
      title: 'delete a published event nobody ordered from',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        return { event: event.id, call: () => asOrganizer(w, 'DELETE', `/api/events/${event.id}`) };
      },
    },
  ],
  'POST /api/events/:id/publish': [
    {
      title: 'publish a draft',
      changes: 'event',
      prepare: async (w) => {
        const event = await makeEvent(w.env, w.organizer, {
          startsAt: new Date(w.env.clock.now().getTime() + 10 * 86_400_000).toISOString(),
        });
        return { event: event.id, call: () => asOrganizer(w, 'POST', `/api/events/${event.id}/publish`) };
      },
    },
  ],
  'POST /api/events/:id/unpublish': [
    {
      title: 'take a published event off sale',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        return { event: event.id, call: () => asOrganizer(w, 'POST', `/api/events/${event.id}/unpublish`) };
      },
    },
  ],
  'POST /api/events/:id/cancel': [
    {
      title: 'cancel an event with a paid order and a hold',
      changes: 'event',
      mail: true,
      prepare: async (w) => {
        const event = await smallEvent(w);
        await buyTickets(w.env, w.buyer, seats(event, 2));
        await placeOrderOk(w.env, w.buyer, seats(event));
        return { event: event.id, call: () => asOrganizer(w, 'POST', `/api/events/${event.id}/cancel`) };
      },
    },
  ],
  'POST /api/events/:id/ticket-types': [
    {
      title: 'add a tier to a published event',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w, { capacity: null });
        return {
          event: event.id,
          call: () =>
            asOrganizer(w, 'POST', `/api/events/${event.id}/ticket-types`, {
              name: 'VIP',
              price: 90,
              limit: 5,
            }),
        };
      },
    },
  ],
  'PATCH /api/events/:id/ticket-types/:ticketTypeId': [
    {
      title: "lower a tier's limit",
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const tier = event.ticketTypes[0]!.id;
        return {
          event: event.id,
          call: () => asOrganizer(w, 'PATCH', `/api/events/${event.id}/ticket-types/${tier}`, { limit: 7 }),
        };
      },
    },
  ],
  'DELETE /api/events/:id/ticket-types/:ticketTypeId': [
    {
      title: 'remove an unsold tier',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w, {
          ticketTypes: [
            { name: 'GA', price: 25, limit: 10 },
            { name: 'Late', price: 35, limit: 10 },
          ],
        });
        const tier = event.ticketTypes[1]!.id;
        return {
          event: event.id,
          call: () => asOrganizer(w, 'DELETE', `/api/events/${event.id}/ticket-types/${tier}`),
        };
      },
    },
  ],
  'POST /api/events/:id/promotions': [
    {
      title: 'add a promo code',
      changes: { none: 'a code changes prices for later orders, not seats or sales so far' },
      prepare: async (w) => ({
        call: () =>
          asOrganizer(w, 'POST', `/api/events/${w.watched.id}/promotions`, {
            code: 'LATE5',
            kind: 'percent',
            value: 5,
          }),
      }),
    },
  ],
  'PATCH /api/events/:id/promotions/:promotionId': [
    {
      title: 'edit a promo code',
      changes: { none: 'a code changes prices for later orders, not seats or sales so far' },
      prepare: async (w) => {
        const promo = await promotionOf(w, w.watched);
        return {
          call: () =>
            asOrganizer(w, 'PATCH', `/api/events/${w.watched.id}/promotions/${promo}`, {
              value: 20,
              maxUses: 3,
            }),
        };
      },
    },
  ],
  'DELETE /api/events/:id/promotions/:promotionId': [
    {
      title: 'remove an unused promo code',
      changes: { none: 'only a code nobody used can go: no sale counted it' },
      prepare: async (w) => {
        const promo = await promotionOf(w, w.watched);
        return { call: () => asOrganizer(w, 'DELETE', `/api/events/${w.watched.id}/promotions/${promo}`) };
      },
    },
  ],
  'POST /api/events/:id/questions': [
    {
      title: 'ask buyers a question at checkout',
      changes: { none: 'a question is asked of later orders: no seat, status or sale changes' },
      prepare: async (w) => ({
        call: () =>
          asOrganizer(w, 'POST', `/api/events/${w.watched.id}/questions`, {
            label: 'Dietary needs',
            kind: 'choice',
            scope: 'attendee',
            options: ['None', 'Vegan'],
          }),
      }),
    },
  ],
  'PATCH /api/events/:id/questions/:questionId': [
    {
      title: 'reword a question',
      changes: { none: 'a question is asked of later orders: no seat, status or sale changes' },
      prepare: async (w) => {
        const question = await questionOf(w);
        return {
          call: () =>
            asOrganizer(w, 'PATCH', `/api/events/${w.watched.id}/questions/${question}`, {
              label: 'Company name',
            }),
        };
      },
    },
  ],
  'DELETE /api/events/:id/questions/:questionId': [
    {
      title: 'delete a question',
      changes: { none: 'a question is asked of later orders: no seat, status or sale changes' },
      prepare: async (w) => {
        const question = await questionOf(w);
        return { call: () => asOrganizer(w, 'DELETE', `/api/events/${w.watched.id}/questions/${question}`) };
      },
    },
  ],
  'PUT /api/events/:id/image': [
    {
      title: "replace a published event's image",
      changes: { none: 'a picture is no seat, status or sale' },
      prepare: async (w) => {
        const body = multipart('poster.jpg', 'image/jpeg', await jpegWithGps());
        return {
          call: () =>
            w.env.app.inject({
              method: 'PUT',
              url: `/api/events/${w.watched.id}/image`,
              headers: { ...bearer(w.organizer.accessToken), ...body.headers },
              payload: body.payload,
            }),
        };
      },
    },
  ],
};
