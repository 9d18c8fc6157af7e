import { Type } from 'typebox';
import { IsoDateTime, Nullable } from './common';

const OrderStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('paid'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
  Type.Literal('expired'),
  Type.Literal('partially_refunded'),
  Type.Literal('refunded'),
]);

export const AgeRangeSchema = Type.Union([
  Type.Literal('under-18'),
  Type.Literal('18-24'),
  Type.Literal('25-34'),
  Type.Literal('35-44'),
  Type.Literal('45-54'),
  Type.Literal('55-64'),
  Type.Literal('65+'),
]);

export const PlaceOrderBody = Type.Object(
  {
    eventId: Type.String({ minLength: 1, maxLength: 64 }),
    items: Type.Array(
      Type.Object(
        {
          ticketTypeId: Type.String({ minLength: 1, maxLength: 64 }),
          quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    promoCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    attendees: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            email: Type.String({ format: 'email', maxLength: 254 }),
            ageRange: Type.Optional(Nullable(AgeRangeSchema)),
            country: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: 2 }))),
          },
          { additionalProperties: false },
        ),
        { maxItems: 1000 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PayBody = Type.Object(
  { outcome: Type.Optional(Type.Union([Type.Literal('succeeded'), Type.Literal('failed')])) },
  { additionalProperties: false },
);

export const RefundBody = Type.Object(
  {
    ticketIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 1000 })),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const TicketSchema = Type.Object({
  id: Type.String(),
  ticketTypeId: Type.String(),
  ticketTypeName: Type.String(),
  holderName: Type.String(),
  holderEmail: Nullable(Type.String()),
  status: Type.Union([Type.Literal('valid'), Type.Literal('used'), Type.Literal('void')]),
  code: Type.String(),
  qrUrl: Type.String(),
  price: Type.Number(),
  checkedInAt: Nullable(IsoDateTime),
});

export const OrderSchema = Type.Object({
  id: Type.String(),
  reference: Type.String({ description: 'Short human reference, e.g. K7QX-4R9M' }),
  eventId: Type.String(),
  eventName: Type.String(),
  buyerId: Type.String(),
  buyer: Type.Optional(Type.Object({ name: Type.String(), email: Type.String() })),
  refundableUntil: Nullable(IsoDateTime),
  status: OrderStatus,
  expiresAt: IsoDateTime,
  items: Type.Array(
    Type.Object({
      ticketTypeId: Type.String(),
      name: Type.String(),
      quantity: Type.Integer(),
      unitPrice: Type.Number(),
      discount: Type.Number(),
      total: Type.Number(),
    }),
  ),
  subtotal: Type.Number(),
  discount: Type.Number(),
  total: Type.Number(),
  refunded: Type.Number(),
  currency: Type.String(),
  promoCode: Nullable(Type.String()),
  payment: Type.Object({
    provider: Type.String(),
    status: Type.Union([
      Type.Literal('required'),
      Type.Literal('not_required'),
      Type.Literal('completed'),
      Type.Literal('closed'),
    ]),
    clientSecret: Type.Optional(Type.String()),
  }),
  createdAt: IsoDateTime,
  paidAt: Nullable(IsoDateTime),
  tickets: Type.Optional(Type.Array(TicketSchema)),
});

export const RefundSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  amount: Type.Number(),
  currency: Type.String(),
  ticketIds: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('succeeded'), Type.Literal('pending'), Type.Literal('failed')]),
  reason: Nullable(Type.String()),
  createdAt: IsoDateTime,
});

export const OrderFilterQuery = {
  q: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(OrderStatus),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
};

export const OrderParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
