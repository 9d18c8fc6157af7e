import { countOwedRefunds, listRefunds, retryRefund, type OrderDeps } from '@eventhub/core';
import type { AppContext } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import { errors, Paged } from '../schemas/common';
import { OwedRefundCount, RefundEntrySchema, RefundListQuery, RefundParams } from '../schemas/refunds';
import type { TypedApp } from '../typed-app';

/**
 * Refunds that are owed: the provider refused them so far (retried automatically with backoff) or
 * refused them every time (`failed`, retried by hand). Admins see all, organizers their events'.
 */
export async function refundRoutes(app: TypedApp, { ctx, orders }: { ctx: AppContext; orders: OrderDeps }) {
  for (const [prefix, role, whose] of [
    ['/api/admin', 'admin', 'Every'],
    ['/api/organizer', 'organizer', "Your events'"],
  ] as const) {
    app.get(
      `${prefix}/refunds`,
      {
        config: { auth: [role] },
        schema: {
          tags: [role],
          summary: `${whose} refunds; by default those still owed to buyers, the longest owed first`,
          querystring: RefundListQuery,
          response: { 200: Paged(RefundEntrySchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => listRefunds(ctx, actorOf(request), request.query),
    );

    app.get(
      `${prefix}/refunds/owed-count`,
      {
        config: { auth: [role] },
        schema: {
          tags: [role],
          summary: `How many of ${whose.toLowerCase()} refunds are owed, and how many wait for a person (the badge)`,
          response: { 200: OwedRefundCount, ...errors(401, 403) },
        },
      },
      async (request) => countOwedRefunds(ctx, actorOf(request)),
    );
  }

  app.post(
    '/api/refunds/:refundId/retry',
    {
      config: { auth: ['organizer', 'admin'] },
      schema: {
        tags: ['organizer', 'admin'],
        summary:
          'Retry a failed refund now (the event organizer or an admin; 409 refund_not_retryable otherwise)',
        description:
          'The refund goes back to `pending` with a fresh round of automatic retries and is paid back by the background job within moments.',
        params: RefundParams,
        response: { 200: RefundEntrySchema, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => retryRefund(orders, actorOf(request), request.params.refundId, requestMeta(request)),
  );
}
