import {
  cancelEventWithRefunds,
  createEvent,
  deleteEvent,
  getAvailability,
  getEvent,
  listAllEvents,
  listOrganizerEvents,
  listPublicEvents,
  publishEvent,
  unpublishEvent,
  updateEvent,
  type Actor,
  type EventView,
  type OrderDeps,
  type RequestMeta,
} from '@eventhub/core';
import { Type } from 'typebox';
import { eventDeps, type AppContext } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import { errors, Id, IsoDateTime, NoContent, PageQuery, Paged } from '../schemas/common';
import {
  AvailabilitySchema,
  CreateEventBody,
  EventParams,
  EventSchema,
  EventSummarySchema,
  UpdateEventBody,
} from '../schemas/events';
import type { TypedApp } from '../typed-app';

const MANAGERS = ['organizer', 'admin'] as const;

export async function eventRoutes(app: TypedApp, { ctx, orders }: { ctx: AppContext; orders: OrderDeps }) {
  const deps = eventDeps(ctx);
  app.post(
    '/api/events',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['events'],
        summary: 'Create an event (a draft), optionally with its ticket types and promo codes',
        body: CreateEventBody,
        response: { 201: EventSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createEvent(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/events',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['events'],
        summary: 'Published events that have not ended, soonest first',
        querystring: Type.Object({
          q: Type.Optional(
            Type.String({
              maxLength: 200,
              description:
                'Search words: an event matches when every word, in any order, appears in its name, venue, city, address or description (case and accents ignored; when whole words find nothing, the last word also matches the start of a word). Best matches first: words in the name, then in the venue, city or address, then in the description; then soonest.',
            }),
          ),
          city: Type.Optional(Type.String({ maxLength: 120 })),
          from: Type.Optional(IsoDateTime),
          to: Type.Optional(IsoDateTime),
          ...PageQuery,
        }),
        response: { 200: Paged(EventSummarySchema), ...errors(400) },
      },
    },
    async (request, reply) =>
      app.publicCache.serve(request, reply, () => listPublicEvents(ctx, request.query)),
  );

  app.get(
    '/api/events/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['events'],
        summary: 'One event: published to anyone, drafts only to their organizer and admins',
        params: EventParams,
        response: { 200: EventSchema, ...errors(404) },
      },
    },
    async (request, reply) =>
      app.publicCache.serve(request, reply, () => getEvent(ctx, request.actor, request.params.id)),
  );

  app.get(
    '/api/events/:id/availability',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['events'],
        summary: 'Tickets left, event-wide and per ticket type',
        params: EventParams,
        response: { 200: AvailabilitySchema, ...errors(404) },
      },
    },
    async (request, reply) =>
      app.publicCache.serve(request, reply, () => getAvailability(ctx, request.actor, request.params.id)),
  );

  app.patch(
    '/api/events/:id',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['events'],
        summary: 'Partial update (capacity never below what is sold or held: 409)',
        params: EventParams,
        body: UpdateEventBody,
        response: { 200: EventSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      updateEvent(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  type Transition = (actor: Actor, eventId: string, meta: RequestMeta) => Promise<EventView>;
  const lifecycle: [string, Transition, string][] = [
    [
      'publish',
      (actor, id, meta) => publishEvent(deps, actor, id, meta),
      'Put a draft on sale (needs startsAt and a ticket type, 409 not_publishable; a start in the past is 409 starts_in_past)',
    ],
    [
      'unpublish',
      (actor, id, meta) => unpublishEvent(deps, actor, id, meta),
      'Take an event off sale and out of listings (back to draft)',
    ],
    [
      'cancel',
      (actor, id, meta) => cancelEventWithRefunds(orders, actor, id, meta),
      'Cancel the event: refunds every paid order and releases every hold',
    ],
  ];
  for (const [verb, useCase, summary] of lifecycle) {
    app.post(
      `/api/events/:id/${verb}`,
      {
        config: { auth: MANAGERS },
        schema: {
          tags: ['events'],
          summary,
          params: EventParams,
          response: { 200: EventSchema, ...errors(401, 403, 404, 409) },
        },
      },
      async (request) => useCase(actorOf(request), request.params.id, requestMeta(request)),
    );
  }

  app.delete(
    '/api/events/:id',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['events'],
        summary: 'Delete an event without orders (409 has_orders otherwise)',
        params: EventParams,
        response: { 204: NoContent, ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteEvent(deps, actorOf(request), request.params.id, requestMeta(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/organizer/events',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['organizer'],
        summary: 'Your own events, drafts included, with sales at a glance',
        querystring: Type.Object(PageQuery),
        response: { 200: Paged(EventSummarySchema), ...errors(401, 403) },
      },
    },
    async (request) => listOrganizerEvents(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/admin/events',
    {
      config: { auth: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Every event with its owner, status and sales',
        querystring: Type.Object({
          q: Type.Optional(
            Type.String({
              maxLength: 200,
              description:
                'Search words, as in the public listing (every word in name, venue, city, address or description), over events of every status; newest first',
            }),
          ),
          status: Type.Optional(
            Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('cancelled')]),
          ),
          organizerId: Type.Optional(Id),
          ...PageQuery,
        }),
        response: { 200: Paged(EventSummarySchema), ...errors(401, 403) },
      },
    },
    async (request) => listAllEvents(ctx, actorOf(request), request.query),
  );
}
