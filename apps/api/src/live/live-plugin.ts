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

/**
 * The change bus (LISTEN/NOTIFY on PostgreSQL, in-process on SQLite), the stream hubs fed by it,
 * and their shutdown. What is published comes from one place: the use cases' after-commit
 * reports, connected to `live.publish` in `buildApp` (apps/api/src/after-commit.ts).
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
  const connections = new StreamConnections(ctx.config.streams, app.sharedRedis);
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

  // Open streams would keep the server from closing: end them before it waits for connections.
  app.addHook('preClose', async () => {
    await connections.closeAll();
  });
  app.addHook('onClose', async () => {
    availability.close();
    dashboards.close();
    await bus.close();
  });
});
