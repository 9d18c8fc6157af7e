import { errors } from '../schemas/common';
import { EventParams } from '../schemas/events';
import { EventStreamResponse, LastEventIdHeaders } from '../schemas/live';
import { actorOf } from '../plugins/auth';
import type { TypedApp } from '../typed-app';

/** The Server-Sent Events routes; the streams themselves live in ../live/. */
export async function liveStreamRoutes(app: TypedApp) {
  app.get(
    '/api/events/:id/availability/stream',
    {
      // A HEAD would open a stream with no body that never ends.
      exposeHeadRoute: false,
      config: { auth: 'public' },
      schema: {
        tags: ['events'],
        summary: 'Live availability as Server-Sent Events',
        description:
          'An `availability` event whose data is the body of GET /api/events/:id/availability, on connect ' +
          'and within a second of any change (orders, expiry, refunds, capacity). Each `id:` is a hash ' +
          'of the body, so a client reconnecting with Last-Event-ID of the state it has is not sent it ' +
          'again. Comment lines keep the connection alive. Drafts are 404 except to their organizer ' +
          'and admins; too many open streams from one client: 429 rate_limited.',
        params: EventParams,
        headers: LastEventIdHeaders,
        response: {
          200: EventStreamResponse('text/event-stream of `availability` events'),
          ...errors(404, 429),
        },
      },
    },
    async (request, reply) => {
      const admission = await app.live.connections.admit(request);
      try {
        await app.live.availability.subscribe(
          request.params.id,
          request.actor,
          request.headers['last-event-id'] ?? null,
          () => admission.open(reply),
        );
      } catch (error) {
        admission.release();
        throw error;
      }
      return reply;
    },
  );

  app.get(
    '/api/analytics/live',
    {
      exposeHeadRoute: false,
      config: { auth: ['organizer', 'admin'] },
      schema: {
        tags: ['analytics'],
        summary: 'Which of your events just changed, as Server-Sent Events (for live dashboards)',
        description:
          'A `change` event `{"eventId": …}` whenever sales, capacity or check-ins of one of the ' +
          "organizer's events change (admins: any event), at most a few a second; reload that event's " +
          'figures then. Send the bearer token in the Authorization header (fetch, not EventSource).',
        response: {
          200: EventStreamResponse('text/event-stream of `change` events'),
          ...errors(401, 403, 429),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const stream = (await app.live.connections.admit(request)).open(reply);
      app.live.dashboards.add(stream, actor);
      return reply;
    },
  );
}
