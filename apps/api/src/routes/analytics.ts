import {
  EVENT_TABLES,
  eventTableCsv,
  exportEventAttendees,
  exportEventOrders,
  getEventAnalytics,
  getOrganizerAnalytics,
  getPlatformAnalytics,
  organizerEventsCsv,
} from '@eventhub/core';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { sendCsv } from '../csv-reply';
import { actorOf } from '../plugins/auth';
import {
  AnalyticsRangeQuery,
  CsvBody,
  EventAnalyticsSchema,
  OrganizerAnalyticsSchema,
  PlatformAnalyticsQuery,
  PlatformAnalyticsSchema,
} from '../schemas/analytics';
import { errors } from '../schemas/common';
import { EventParams } from '../schemas/events';
import type { TypedApp } from '../typed-app';

const MANAGERS = ['organizer', 'admin'] as const;

const TableQuery = Type.Object({
  ...AnalyticsRangeQuery.properties,
  table: Type.Union(
    EVENT_TABLES.map((t) => Type.Literal(t)),
    { description: 'Which table of the event analytics to export' },
  ),
});

/** Sales figures for organizers (their own events) and admins (everything), and CSV exports. */
export async function analyticsRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  app.get(
    '/api/analytics/events/:id',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['analytics'],
        summary: "One event's revenue, tiers, sales over time, demographics, promo codes and check-ins",
        params: EventParams,
        querystring: AnalyticsRangeQuery,
        response: { 200: EventAnalyticsSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getEventAnalytics(ctx, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/analytics/events/:id/export.csv',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['analytics'],
        summary: "One table of an event's analytics as CSV",
        params: EventParams,
        querystring: TableQuery,
        response: { 200: CsvBody, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { table, ...range } = request.query;
      const analytics = await getEventAnalytics(ctx, actorOf(request), request.params.id, range);
      return sendCsv(reply, `event-${table}.csv`, eventTableCsv(analytics, table));
    },
  );

  app.get(
    '/api/analytics/organizer',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['analytics'],
        summary: "The caller's totals and one row per event",
        querystring: AnalyticsRangeQuery,
        response: { 200: OrganizerAnalyticsSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => getOrganizerAnalytics(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/analytics/organizer/export.csv',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['analytics'],
        summary: "The caller's events with their figures, as CSV",
        querystring: AnalyticsRangeQuery,
        response: { 200: CsvBody, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        'events.csv',
        organizerEventsCsv(await getOrganizerAnalytics(ctx, actorOf(request), request.query)),
      ),
  );

  app.get(
    '/api/admin/analytics',
    {
      config: { auth: ['admin'] },
      schema: {
        tags: ['analytics', 'admin'],
        summary: 'Platform totals, new users, per organizer and top events',
        querystring: PlatformAnalyticsQuery,
        response: { 200: PlatformAnalyticsSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getPlatformAnalytics(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/events/:id/orders.csv',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['analytics', 'orders'],
        summary: "The event's sold orders as CSV (streamed)",
        params: EventParams,
        response: { 200: CsvBody, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportEventOrders(ctx, actorOf(request), request.params.id);
      return sendCsv(reply, file.filename, file.lines);
    },
  );

  app.get(
    '/api/events/:id/attendees.csv',
    {
      config: { auth: MANAGERS },
      schema: {
        tags: ['analytics', 'orders'],
        summary: 'Every ticket of the event with its holder, as CSV (streamed)',
        params: EventParams,
        response: { 200: CsvBody, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportEventAttendees(ctx, actorOf(request), request.params.id);
      return sendCsv(reply, file.filename, file.lines);
    },
  );
}
