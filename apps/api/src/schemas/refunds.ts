import { Type } from 'typebox';
import { Id, IsoDateTime, Nullable, PageQuery } from './common';

/** A refund as the organizer's and admin's refund lists show it. */
export const RefundEntrySchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  orderReference: Type.String(),
  eventId: Type.String(),
  eventName: Type.String(),
  buyer: Type.Object({ name: Type.String(), email: Type.String() }),
  amount: Type.Number(),
  currency: Type.String(),
  ticketIds: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')], {
    description:
      '`pending`: the provider is (re)tried automatically; `failed`: the retries ran out, a person must retry it',
  }),
  reason: Nullable(Type.String()),
  attempts: Type.Integer({ description: 'Provider calls in the current round of retries' }),
  lastError: Nullable(Type.String({ description: "The provider's last refusal" })),
  nextAttemptAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const RefundListQuery = Type.Object({
  status: Type.Optional(
    Type.Union(
      [Type.Literal('owed'), Type.Literal('failed'), Type.Literal('pending'), Type.Literal('succeeded')],
      {
        default: 'owed',
        description:
          '`owed` (default): refunds the provider refused so far, retried automatically (pending) or waiting for a person (failed)',
      },
    ),
  ),
  eventId: Type.Optional(Id),
  ...PageQuery,
});

export const OwedRefundCount = Type.Object({
  owed: Type.Integer({ description: 'Refunds the provider refused so far and that are not paid back yet' }),
  failed: Type.Integer({ description: 'Of those, the ones whose retries ran out: a person must retry them' }),
});

export const RefundParams = Type.Object({ refundId: Id });
