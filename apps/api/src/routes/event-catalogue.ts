import {
  addTicketType,
  createPromotion,
  deletePromotion,
  listPromotions,
  removeTicketType,
  updatePromotion,
  updateTicketType,
} from '@eventhub/core';
import { Type } from 'typebox';
import { eventDeps, type AppContext } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import { errors, NoContent } from '../schemas/common';
import {
  EventParams,
  PromotionBody,
  PromotionPatch,
  PromotionSchema,
  TicketTypeBody,
  TicketTypePatch,
  TicketTypeSchema,
} from '../schemas/events';
import type { TypedApp } from '../typed-app';

const MANAGERS = ['organizer', 'admin'] as const;
const TierParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  ticketTypeId: Type.String({ maxLength: 64 }),
});
const PromoParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  promotionId: Type.String({ maxLength: 64 }),
});

/** Ticket types and promo codes of an event: the organizer's catalogue. */
export async function eventCatalogueRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  const deps = eventDeps(ctx);
  app.post(
    '/api/events/:id/ticket-types',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['ticket types'],
        summary: 'Add a ticket type',
        params: EventParams,
        body: TicketTypeBody,
        response: { 201: TicketTypeSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addTicketType(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
        ),
  );

  app.patch(
    '/api/events/:id/ticket-types/:ticketTypeId',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['ticket types'],
        summary: 'Edit a ticket type (limit never below sold + held: 409)',
        params: TierParams,
        body: TicketTypePatch,
        response: { 200: TicketTypeSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      updateTicketType(
        deps,
        actorOf(request),
        request.params.id,
        request.params.ticketTypeId,
        request.body,
        requestMeta(request),
      ),
  );

  app.delete(
    '/api/events/:id/ticket-types/:ticketTypeId',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['ticket types'],
        summary: 'Remove a ticket type that has no sales',
        params: TierParams,
        response: { 204: NoContent, ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeTicketType(
        deps,
        actorOf(request),
        request.params.id,
        request.params.ticketTypeId,
        requestMeta(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/events/:id/promotions',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['promotions'],
        summary: "The event's promo codes with their uses",
        params: EventParams,
        response: { 200: Type.Object({ items: Type.Array(PromotionSchema) }), ...errors(401, 403, 404) },
      },
    },
    async (request) => listPromotions(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/events/:id/promotions',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['promotions'],
        summary: 'Add a promo code (case-insensitive, unique per event)',
        params: EventParams,
        body: PromotionBody,
        response: { 201: PromotionSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createPromotion(
            deps,
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.patch(
    '/api/events/:id/promotions/:promotionId',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['promotions'],
        summary: 'Edit a promo code',
        params: PromoParams,
        body: PromotionPatch,
        response: { 200: PromotionSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      updatePromotion(
        deps,
        actorOf(request),
        request.params.id,
        request.params.promotionId,
        request.body,
        requestMeta(request),
      ),
  );

  app.delete(
    '/api/events/:id/promotions/:promotionId',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['promotions'],
        summary: 'Delete an unused promo code',
        params: PromoParams,
        response: { 204: NoContent, ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deletePromotion(
        deps,
        actorOf(request),
        request.params.id,
        request.params.promotionId,
        requestMeta(request),
      );
      return reply.code(204).send(null);
    },
  );
}
