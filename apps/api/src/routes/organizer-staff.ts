import { createStaff, listStaff, removeStaff, resendStaffInvitation } from '@eventhub/core';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { identityDeps } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import type { RateLimits } from '../plugins/rate-limits';
import { errors, NoContent } from '../schemas/common';
import { StaffBody, StaffParams, StaffSchema } from '../schemas/identity';
import type { TypedApp } from '../typed-app';

export async function organizerStaffRoutes(
  app: TypedApp,
  { ctx, limits }: { ctx: AppContext; limits: RateLimits },
) {
  const deps = identityDeps(ctx);

  app.post(
    '/api/organizer/staff',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Add a door-staff account that may only check in your events',
        description:
          'With `password` the account can sign in at once. Without it the person is invited: the ' +
          'address is mailed a link (single-use, 7 days) to choose a password, and the account shows ' +
          '`status: "invited"` until then. Invitations count toward the account-mail rate limits (429).',
        body: StaffBody,
        response: { 201: StaffSchema, ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.body.password === undefined)
        await limits.spendAccountMail(request.ip, request.body.email.trim().toLowerCase());
      return reply.code(201).send(await createStaff(deps, actor, request.body, requestMeta(request)));
    },
  );

  app.get(
    '/api/organizer/staff',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Your door-staff accounts, invited ones included',
        response: { 200: Type.Object({ items: Type.Array(StaffSchema) }), ...errors(401, 403) },
      },
    },
    async (request) => listStaff(ctx, actorOf(request)),
  );

  app.post(
    '/api/organizer/staff/:id/invite',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Mail an invited staff member a fresh link; the previous one stops working',
        description:
          '404 for staff that are not yours; 409 `invitation_accepted` once the person chose a password. ' +
          'Counts toward the account-mail rate limits (429).',
        params: StaffParams,
        response: { 200: StaffSchema, ...errors(401, 403, 404, 409, 429) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await limits.spendAccountMail(request.ip, `staff:${request.params.id}`);
      return resendStaffInvitation(deps, actor, request.params.id, requestMeta(request));
    },
  );

  app.delete(
    '/api/organizer/staff/:id',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Remove a staff member: the account is disabled and its sessions end at once',
        description:
          'Its refresh tokens stop working and its access tokens are refused from the next request; ' +
          'pending invitation links die. The check-ins it made keep naming it. 404 for staff that are not yours. ' +
          'Inviting the address again later brings the account back.',
        params: StaffParams,
        response: { 204: NoContent, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeStaff(deps, actorOf(request), request.params.id, requestMeta(request));
      return reply.code(204).send(null);
    },
  );
}
