import {
  getCheckinKeys,
  listCheckinEvents,
  listSigningKeys,
  reissueTicket,
  rotateSigningKey,
  syncOfflineScans,
  validateTicket,
} from '@eventhub/core';
import { Type } from 'typebox';
import { checkinDeps, type AppContext } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import {
  CheckinEventSchema,
  CheckinKeysSchema,
  OfflineSyncBody,
  OfflineSyncReportSchema,
  SigningKeySchema,
  ValidateBody,
  ValidTicketSchema,
} from '../schemas/checkin';
import { errors, Id, PageQuery, Paged } from '../schemas/common';
import { EventParams } from '../schemas/events';
import type { TypedApp } from '../typed-app';

const DOOR = ['staff', 'organizer', 'admin'] as const;

export async function checkinRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  const deps = checkinDeps(ctx);

  app.post(
    '/api/tickets/validate',
    {
      config: { auth: DOOR },
      schema: {
        tags: ['check-in'],
        summary: 'Check a ticket in at the door: exactly one scan of a ticket is ever valid',
        description:
          'The signature is verified before any database work (400 invalid_code). Then 200 valid, or ' +
          '409 already_used (with the first checkedInAt), void (refunded, cancelled or reissued), or ' +
          'wrong_event; 403 when the caller may not check in that event.',
        body: ValidateBody,
        response: { 200: ValidTicketSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => validateTicket(deps, actorOf(request), request.body, requestMeta(request)),
  );

  app.get(
    '/api/events/:id/checkin-keys',
    {
      config: { auth: DOOR },
      schema: {
        tags: ['check-in'],
        summary: "The public keys that verify this event's codes offline, and its void tickets",
        params: EventParams,
        response: { 200: CheckinKeysSchema, ...errors(401, 403, 404) },
      },
    },
    async (request) => getCheckinKeys(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/events/:id/checkins/sync',
    {
      config: { auth: DOOR },
      schema: {
        tags: ['check-in'],
        summary: 'Upload scans queued offline: the first scan of a ticket wins, conflicts are reported',
        description: 'Scans are applied in scannedAt order; re-uploading the same nonces changes nothing.',
        params: EventParams,
        body: OfflineSyncBody,
        response: { 200: OfflineSyncReportSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      syncOfflineScans(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    '/api/checkin/events',
    {
      config: { auth: DOOR },
      schema: {
        tags: ['check-in'],
        summary: 'The events the caller may check in, with door counts (no orders, no revenue)',
        querystring: Type.Object(PageQuery),
        response: { 200: Paged(CheckinEventSchema), ...errors(401, 403) },
      },
    },
    async (request) => listCheckinEvents(ctx, actorOf(request), request.query),
  );

  app.post(
    '/api/tickets/:id/reissue',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['orders'],
        summary: 'Give a valid ticket a new code; the old code is revoked and scans as void',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({ id: Type.String(), code: Type.String() }),
          ...errors(401, 404, 409),
        },
      },
    },
    async (request) => reissueTicket(deps, actorOf(request), request.params.id, requestMeta(request)),
  );

  app.get(
    '/api/organizer/signing-keys',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: "The organizer's ticket-signing public keys, the active one first",
        response: { 200: Type.Object({ items: Type.Array(SigningKeySchema) }), ...errors(401, 403) },
      },
    },
    async (request) => ({ items: await listSigningKeys(deps, actorOf(request)) }),
  );

  app.post(
    '/api/organizer/signing-keys/rotate',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Replace the signing key; tickets issued before keep verifying with the retired key',
        response: { 201: SigningKeySchema, ...errors(401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rotateSigningKey(deps, actorOf(request), requestMeta(request))),
  );
}
