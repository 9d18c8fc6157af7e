import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context';
import { AvailabilityStreams } from './availability-streams';
import { LocalChangeBus, type ChangeBus } from './change-bus';
import { DashboardStreams } from './dashboard-streams';
import { PostgresChangeBus } from './postgres-change-bus';
import { StreamConnections } from './stream-connections';

/** The live (Server-Sent Events) side of the API. */
export interface Live {
  /** Tells every stream, in this process and (PostgreSQL) the others, that an event changed. */
  publish(eventId: string): void;
  connections: StreamConnections;
  availability: AvailabilityStreams;
  dashboards: DashboardStreams;
}

declare module 'fastify' {
  interface FastifyInstance {
    live: Live;
  }
}

/** Routes under /api/events/:id whose successful writes may change what the event has left. */
function isEventWrite(url: string | undefined): boolean {
  return !!url && (url === '/api/events/:id' || url.startsWith('/api/events/:id/'));
}

/**
 * The change bus (LISTEN/NOTIFY on PostgreSQL, in-process on SQLite), the stream hubs fed by it,
 * and their shutdown. Orders, expiry and refunds publish through OrderDeps.onAvailabilityChanged;
 * capacity changes (event and ticket-type edits, publish, cancel) are every successful write to
 * a route under /api/events/:id, published here after the response so no use case has to.
 */
export const livePlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  const { ctx } = opts;
  let bus: ChangeBus;
  if (ctx.engine === 'postgres' && ctx.config.databaseUrl) {
    const postgres = new PostgresChangeBus({
      connectionString: ctx.config.databaseUrl,
      db: ctx.db,
      log: app.log,
    });
    await postgres.start();
    bus = postgres;
  } else {
    if (ctx.engine === 'postgres')
      app.log.warn('DATABASE_URL unknown: live availability reaches only this process');
    bus = new LocalChangeBus((err) => app.log.error({ err }, 'change listener failed'));
  }
  const connections = new StreamConnections(ctx.config.streams);
  const availability = new AvailabilityStreams({ db: ctx.db, clock: ctx.clock, log: app.log });
  const dashboards = new DashboardStreams({ db: ctx.db, owners: ctx.eventOwners, log: app.log });
  bus.subscribe((eventId) => {
    availability.changed(eventId);
    dashboards.notice(eventId);
  });
  app.decorate('live', {
    publish: (eventId: string) => bus.publish(eventId),
    connections,
    availability,
    dashboards,
  });

  app.addHook('onResponse', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      const id = (request.params as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string' && isEventWrite(request.routeOptions.url)) bus.publish(id);
    }
    done();
  });
  // Open streams would keep the server from closing: end them before it waits for connections.
  app.addHook('preClose', (done) => {
    connections.closeAll();
    done();
  });
  app.addHook('onClose', async () => {
    availability.close();
    dashboards.close();
    await bus.close();
  });
});
