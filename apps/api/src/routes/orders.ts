import {
  cancelOrder,
  getOrder,
  getTicket,
  listAllOrders,
  listEventOrders,
  listMyOrders,
  listOrderTickets,
  listOrganizerOrders,
  loadPrintableEvent,
  loadPrintableOrder,
  payOrder,
  placeOrder,
  refundOrder,
  hashOrderToken,
  type OrderDeps,
} from '@eventhub/core';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { actorOf, orderCallerOf, orderTokenOf, requestMeta } from '../plugins/auth';
import { errors, Id, PageQuery, Paged } from '../schemas/common';
import { EventParams } from '../schemas/events';
import {
  OrderFilterQuery,
  OrderParams,
  OrderSchema,
  OrderTokenQuery,
  PayBody,
  PlaceOrderBody,
  RefundBody,
  RefundSchema,
  TicketSchema,
  ORDER_ACCESS,
} from '../schemas/orders';
import { renderEventIcs } from '../tickets/event-ics';
import { renderTicketsPdf } from '../tickets/ticket-pdf';
import type { TypedApp } from '../typed-app';

const BUYERS = ['customer', 'organizer', 'admin'] as const;

// A guest's Idempotency-Keys are theirs by e-mail address; on an order's routes, by its token.
const guestScope = (request: FastifyRequest) => {
  const email = (request.body as { buyer?: { email?: unknown } } | undefined)?.buyer?.email;
  return typeof email === 'string' ? `guest:${email.trim().toLowerCase()}` : null;
};
const tokenScope = (request: FastifyRequest) => {
  const token = orderTokenOf(request);
  return token ? `order-token:${hashOrderToken(token)}` : null;
};

export async function orderRoutes(app: TypedApp, { ctx, orders }: { ctx: AppContext; orders: OrderDeps }) {
  app.post(
    '/api/orders',
    {
      config: { auth: 'optional', idempotent: true, anonymousIdempotencyScope: guestScope },
      schema: {
        tags: ['orders'],
        summary: 'Place an order: holds the tickets until expiresAt (409 sold_out, 400 promo_invalid)',
        description:
          "Signed in, or as a guest with `buyer: {email, name}` (400 validation_failed without it). The answer carries `orderToken`, returned only here: the guest acts on the order with it. Honours Idempotency-Key (a guest's must be random, at least 16 characters). A zero total is paid at once.",
        body: PlaceOrderBody,
        response: { 201: OrderSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await placeOrder(orders, request.actor, request.body, requestMeta(request))),
  );

  app.post(
    '/api/orders/:id/pay',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['orders'],
        summary:
          'Pay an order (test provider: succeeds or fails on request; Stripe: returns the client secret)',
        description: ORDER_ACCESS,
        params: OrderParams,
        querystring: OrderTokenQuery,
        body: PayBody,
        response: { 200: OrderSchema, ...errors(400, 401, 404, 409) },
      },
    },
    async (request) =>
      payOrder(orders, orderCallerOf(request), request.params.id, request.body ?? {}, requestMeta(request)),
  );

  app.post(
    '/api/orders/:id/cancel',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['orders'],
        summary: 'Cancel a pending order and release its hold',
        description: ORDER_ACCESS,
        params: OrderParams,
        querystring: OrderTokenQuery,
        response: { 200: OrderSchema, ...errors(401, 404, 409) },
      },
    },
    async (request) => cancelOrder(orders, orderCallerOf(request), request.params.id, requestMeta(request)),
  );

  app.get(
    '/api/orders',
    {
      // Door staff buy nothing and see no orders, not even an empty list.
      config: { auth: BUYERS },
      schema: {
        tags: ['orders'],
        summary: 'Your orders, newest first',
        querystring: Type.Object(PageQuery),
        response: { 200: Paged(OrderSchema), ...errors(401) },
      },
    },
    async (request) => listMyOrders(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/orders/:id',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['orders'],
        summary: 'One order with its tickets (buyer or token holder, event organizer, admin)',
        description: ORDER_ACCESS,
        params: OrderParams,
        querystring: OrderTokenQuery,
        response: { 200: OrderSchema, ...errors(401, 404) },
      },
    },
    async (request) => getOrder(ctx, orderCallerOf(request), request.params.id),
  );

  app.get(
    '/api/orders/:id/tickets',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['orders'],
        summary: "The order's tickets",
        description: ORDER_ACCESS,
        params: OrderParams,
        querystring: OrderTokenQuery,
        response: { 200: Type.Array(TicketSchema), ...errors(401, 404) },
      },
    },
    async (request) => listOrderTickets(ctx, orderCallerOf(request), request.params.id),
  );

  app.post(
    '/api/orders/:id/refunds',
    {
      config: { auth: 'optional', idempotent: true, anonymousIdempotencyScope: tokenScope },
      schema: {
        tags: ['orders'],
        summary:
          'Refund some or all tickets (buyer within the refund policy; event organizer and admin any time)',
        description: `Honours Idempotency-Key. Refunded tickets are void and their seats return to sale. ${ORDER_ACCESS}`,
        params: OrderParams,
        querystring: OrderTokenQuery,
        body: RefundBody,
        response: { 201: RefundSchema, ...errors(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await refundOrder(
            orders,
            orderCallerOf(request),
            request.params.id,
            request.body ?? {},
            requestMeta(request),
          ),
        ),
  );

  app.get(
    '/api/tickets/:id/qr.png',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['orders'],
        summary: "The QR image of a ticket's code",
        description: ORDER_ACCESS,
        params: Type.Object({ id: Id }),
        querystring: OrderTokenQuery,
        response: { 200: Type.Unknown({ description: 'image/png' }), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const ticket = await getTicket(ctx, orderCallerOf(request), request.params.id);
      // Level M and a quiet zone of 4 modules: scans well from a phone screen in a dim hall.
      // qrcode loads with the first image asked for, not in every API process.
      const { default: QRCode } = await import('qrcode');
      const png = await QRCode.toBuffer(ticket.code, {
        errorCorrectionLevel: 'M',
        margin: 4,
        scale: 8,
        type: 'png',
      });
      return reply.type('image/png').header('cache-control', 'private, no-store').send(png);
    },
  );

  app.get(
    '/api/orders/:id/tickets.pdf',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['orders'],
        summary: "A printable PDF of the order's tickets: one page per valid ticket with its QR code",
        description: ORDER_ACCESS,
        params: OrderParams,
        querystring: OrderTokenQuery,
        response: { 200: Type.Unknown({ description: 'application/pdf' }), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const order = await loadPrintableOrder(
        ctx.db,
        orderCallerOf(request),
        request.params.id,
        ctx.config.publicUrl,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="tickets-${order.orderId}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(await renderTicketsPdf(order));
    },
  );

  app.get(
    '/api/events/:id/calendar.ics',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['events'],
        summary: 'The event as an iCalendar file, to add it to a calendar (409 not_scheduled without a date)',
        params: EventParams,
        response: { 200: Type.Unknown({ description: 'text/calendar' }), ...errors(404, 409) },
      },
    },
    async (request, reply) => {
      const event = await loadPrintableEvent(ctx.db, request.actor, request.params.id, ctx.config.publicUrl);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${event.id}.ics"`)
        .send(renderEventIcs(event, ctx.clock.now()));
    },
  );

  app.get(
    '/api/events/:id/orders',
    {
      config: { auth: ['organizer', 'admin'] },
      schema: {
        tags: ['organizer'],
        summary:
          "An event's orders, searchable by buyer e-mail, name, order id or reference; filters by status and dates",
        params: EventParams,
        querystring: Type.Object({ ...OrderFilterQuery, ...PageQuery }),
        response: { 200: Paged(OrderSchema), ...errors(401, 403, 404) },
      },
    },
    async (request) => listEventOrders(ctx, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/organizer/orders',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary:
          'Your orders across all your events, filtered by event name, reference, buyer e-mail, status',
        description: 'Only the orders of your own events, whatever the filters; newest first.',
        querystring: Type.Object({ ...OrderFilterQuery, eventId: Type.Optional(Id), ...PageQuery }),
        response: { 200: Paged(OrderSchema), ...errors(401, 403) },
      },
    },
    async (request) => listOrganizerOrders(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/admin/orders',
    {
      config: { auth: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Every transaction on the platform',
        querystring: Type.Object({
          ...OrderFilterQuery,
          eventId: Type.Optional(Id),
          organizerId: Type.Optional(Id),
          ...PageQuery,
        }),
        response: { 200: Paged(OrderSchema), ...errors(401, 403) },
      },
    },
    async (request) => listAllOrders(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/payments/config',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'Which payment provider checkout uses, and the Stripe publishable key when it is Stripe',
        response: {
          200: Type.Object({
            provider: Type.Union([Type.Literal('test'), Type.Literal('stripe')]),
            publishableKey: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async () => ({ provider: ctx.payments.name, publishableKey: ctx.config.stripePublishableKey ?? null }),
  );
}
