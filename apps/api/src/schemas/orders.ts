import { Type } from 'typebox';
import { IsoDateTime, Nullable } from './common';
import { AnswerInputSchema, AnswerSchema } from './questions';
import { BillingBody, BillingSchema } from './invoicing';

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
            answers: Type.Optional(AnswerInputSchema),
          },
          { additionalProperties: false },
        ),
        { maxItems: 1000 },
      ),
    ),
    answers: Type.Optional(AnswerInputSchema),
    buyer: Type.Optional(
      Type.Object(
        {
          email: Type.String({ format: 'email', maxLength: 254 }),
          name: Type.String({ minLength: 1, maxLength: 100 }),
        },
        {
          additionalProperties: false,
          description: 'Required without a bearer token (guest checkout); ignored with one',
        },
      ),
    ),
    billing: Type.Optional(Nullable(BillingBody)),
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
  buyerId: Nullable(Type.String({ description: "The buyer's account; null for a guest order" })),
  buyer: Type.Object({ name: Type.String(), email: Type.String() }),
  orderToken: Type.Optional(
    Type.String({
      description:
        "The order's access token, only in the answer that placed it (and in mailed links): send it as X-Order-Token (or ?token=) to act on the order without signing in",
    }),
  ),
  refundableUntil: Nullable(IsoDateTime),
  holderChanges: Type.Object({
    allowed: Type.Boolean({ description: 'False when the organizer turned holder changes off' }),
    until: Nullable(IsoDateTime),
  }),
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
      taxRate: Type.Number({ description: 'Percent applied (0 under reverse charge)' }),
      tax: Type.Number({ description: 'The tax in total' }),
    }),
  ),
  subtotal: Type.Number({ description: 'Before discounts; includes tax added on top of net prices' }),
  discount: Type.Number(),
  total: Type.Number({ description: 'What the buyer pays' }),
  tax: Type.Number({ description: 'The tax in total' }),
  reverseCharge: Type.Boolean({ description: 'EU reverse charge: no VAT charged' }),
  billing: Nullable(BillingSchema),
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
  answers: Type.Array(AnswerSchema),
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
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Buyer e-mail or name (contains), order id or reference' }),
  ),
  event: Type.Optional(
    Type.String({ maxLength: 200, description: "The event's name contains this (case-insensitive)" }),
  ),
  reference: Type.Optional(
    Type.String({
      maxLength: 20,
      description: 'Order reference, whole (case, spaces, dash forgiven) or a part',
    }),
  ),
  email: Type.Optional(
    Type.String({ maxLength: 254, description: "The buyer's e-mail contains this (case-insensitive)" }),
  ),
  status: Type.Optional(OrderStatus),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
};

export const OrderParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

// The order's routes serve its buyer, its event's organizer and admins with a bearer token, and
// whoever holds the order's token (X-Order-Token, or ?token= on links) like its buyer. Anything
// else, a wrong token included, is 404.
export const ORDER_ACCESS =
  'Signed in, or with the order token in X-Order-Token (or ?token=); a wrong or missing token is 404.';

/** `?token=`: an order's token on a link, instead of the X-Order-Token header. */
export const OrderTokenQuery = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 512, description: "The order's token (or X-Order-Token)" })),
});

export const TicketHolderParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  ticketId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const ChangeHolderBody = Type.Object(
  {
    holderName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    holderEmail: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  },
  { additionalProperties: false },
);

export const OrderLookupBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }) },
  { additionalProperties: false },
);

export const OrderLookupAccepted = Type.Object({ message: Type.String() });
