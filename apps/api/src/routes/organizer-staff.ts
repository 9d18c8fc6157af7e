import { createStaff, listStaff } from '@eventhub/core';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { identityDeps } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import { errors } from '../schemas/common';
import { StaffBody, UserSchema } from '../schemas/identity';
import type { TypedApp } from '../typed-app';

export async function organizerStaffRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  app.post(
    '/api/organizer/staff',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Create a door-staff account that may only check in your events',
        body: StaffBody,
        response: { 201: UserSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createStaff(identityDeps(ctx), actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/organizer/staff',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Your door-staff accounts',
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...errors(401, 403) },
      },
    },
    async (request) => listStaff(ctx, actorOf(request)),
  );
}
