import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** OpenAPI 3.1 generated from the route schemas, at /api/openapi.json, with Swagger UI at /api/docs. */
export const openapiPlugin = fp(async (app: FastifyInstance, opts: { publicUrl: string }) => {
  await app.register(swagger, {
    // Shared schemas (Problem) are components named by their $id instead of def-0, def-1…
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'EventHub API',
        version: '0.1.0',
        description:
          'Event ticketing: events, tickets, payments, check-in, analytics. Errors are RFC 9457 problem details.',
      },
      servers: [{ url: opts.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          // An order's token (guest checkout, mailed links); `?token=` works as well on links.
          orderToken: { type: 'apiKey', in: 'header', name: 'X-Order-Token' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () =>
    app.swagger(),
  );
});
