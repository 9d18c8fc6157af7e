import { checkReadiness } from '@eventhub/core';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import type { TypedApp } from '../typed-app';

const Status = Type.Object({ status: Type.String(), reason: Type.Optional(Type.String()) });

export async function healthRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Status } } },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database is reachable and migrations are current',
        response: { 200: Status, 503: Status },
      },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(ctx.db);
      if (readiness === 'ok') return { status: 'ok' };
      return reply.code(503).send({ status: 'unavailable', reason: readiness });
    },
  );
}
