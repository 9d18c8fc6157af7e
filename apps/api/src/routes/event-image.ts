import { createReadStream } from 'node:fs';
import multipart from '@fastify/multipart';
import { DomainError, findEventImage, MAX_IMAGE_BYTES, setEventImage, ValidationError } from '@eventhub/core';
import { Type } from 'typebox';
import { eventDeps, type AppContext } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import { errors } from '../schemas/common';
import { EventParams } from '../schemas/events';
import type { TypedApp } from '../typed-app';

class TooLargeError extends DomainError {
  constructor() {
    super('too_large', 'payload_too_large', `The image must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  }
}

export async function eventImageRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  await app.register(multipart, {
    limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });
  const deps = eventDeps(ctx);

  app.put(
    '/api/events/:id/image',
    {
      config: { auth: ['organizer', 'admin'] },
      bodyLimit: MAX_IMAGE_BYTES + 64 * 1024,
      schema: {
        tags: ['events'],
        summary: "Upload the event's image: one JPEG, PNG or WebP file (by content), at most 5 MB",
        description:
          'multipart/form-data with one file part. The image is re-encoded; all metadata (EXIF, GPS) is dropped.',
        consumes: ['multipart/form-data'],
        params: EventParams,
        response: { 200: Type.Object({ imageUrl: Type.String() }), ...errors(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new ValidationError(
          [{ field: 'image', message: 'send the file as multipart/form-data' }],
          'invalid_image',
        );
      }
      const file = await request.file();
      if (!file) throw new ValidationError([{ field: 'image', message: 'is required' }], 'invalid_image');
      const bytes = await file.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLargeError();
        throw error;
      });
      return setEventImage(deps, actorOf(request), request.params.id, bytes, requestMeta(request));
    },
  );

  app.get(
    '/api/events/:id/image',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['events'],
        summary: "The event's image",
        params: EventParams,
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: {
          200: Type.Unknown({ description: 'image/jpeg, image/png or image/webp' }),
          ...errors(404),
        },
      },
    },
    async (request, reply) => {
      const image = await findEventImage(deps, request.actor, request.params.id);
      return reply
        .type(image.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('cache-control', 'public, max-age=86400')
        .send(createReadStream(image.file));
    },
  );
}
