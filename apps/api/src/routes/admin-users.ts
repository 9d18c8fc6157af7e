import { auditActionCatalogue, listAuditLog, listUsers, updateUser } from '@eventhub/core';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { identityDeps } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import { AuditActionsSchema, AuditEntrySchema, AuditLogQuerySchema } from '../schemas/audit';
import { errors, Id, PageQuery, Paged } from '../schemas/common';
import { AdminUserPatch, RoleSchema, UserSchema } from '../schemas/identity';
import type { TypedApp } from '../typed-app';

export async function adminUserRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  app.get(
    '/api/admin/users',
    {
      config: { auth: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Search users',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          role: Type.Optional(RoleSchema),
          ...PageQuery,
        }),
        response: { 200: Paged(UserSchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => listUsers(ctx, actorOf(request), request.query),
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: { auth: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: "Change a user's role or disable the account (revokes all its tokens at once)",
        params: Type.Object({ id: Id }),
        body: AdminUserPatch,
        response: { 200: UserSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      updateUser(identityDeps(ctx), actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    '/api/admin/audit-log',
    {
      config: { auth: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Read the audit log, newest first, each entry with its actor and target named',
        querystring: AuditLogQuerySchema,
        response: { 200: Paged(AuditEntrySchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => listAuditLog(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/admin/audit-log/actions',
    {
      config: { auth: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'The actions the audit log records, with a label and meaning each (for its filter)',
        response: { 200: AuditActionsSchema, ...errors(401, 403) },
      },
    },
    async () => ({ items: auditActionCatalogue() }),
  );
}
