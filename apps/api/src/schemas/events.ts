import { Type } from 'typebox';
import { IsoDateTime, Nullable } from './common';

const Text = (max: number) => Type.String({ maxLength: max });
const InvoicingMode = Type.Union([Type.Literal('off'), Type.Literal('optional'), Type.Literal('required')], {
  description: "Whether paid orders get invoices; 'optional'/'required': checkout asks for billing details",
});
const When = Nullable(IsoDateTime);

export const VenueBody = Type.Object(
  {
    name: Type.Optional(Nullable(Text(200))),
    address: Type.Optional(Nullable(Text(300))),
    city: Type.Optional(Nullable(Text(120))),
    country: Type.Optional(Nullable(Type.String({ maxLength: 2, description: 'ISO 3166-1 alpha-2' }))),
  },
  { additionalProperties: false },
);

const ticketTypeFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  price: Type.Number({
    minimum: 0,
    maximum: 1_000_000,
    description: 'Major units of the event currency (299 = 299.00)',
  }),
  limit: Type.Integer({ minimum: 0, maximum: 10_000_000, description: "This tier's own limit" }),
  description: Type.Optional(Nullable(Text(2000))),
  salesStart: Type.Optional(When),
  salesEnd: Type.Optional(When),
  minPerOrder: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  maxPerOrder: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000 }))),
  sortOrder: Type.Optional(Type.Integer({ minimum: -1000, maximum: 100_000 })),
  taxRate: Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: 100,
      description: 'Percent with at most two decimals (19, 7.5); default 0',
    }),
  ),
};

export const TicketTypeBody = Type.Object(ticketTypeFields, { additionalProperties: false });
export const TicketTypePatch = Type.Partial(TicketTypeBody, { additionalProperties: false });

const promotionFields = {
  code: Type.String({ minLength: 1, maxLength: 40 }),
  kind: Type.Union([Type.Literal('percent'), Type.Literal('fixed')]),
  value: Type.Number({ exclusiveMinimum: 0, description: 'Percent (1–100), or an amount in major units' }),
  maxUses: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  validFrom: Type.Optional(When),
  validUntil: Type.Optional(When),
  ticketTypeIds: Type.Optional(Nullable(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 }))),
  minQuantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
};

export const PromotionBody = Type.Object(promotionFields, { additionalProperties: false });
export const PromotionPatch = Type.Partial(PromotionBody, { additionalProperties: false });

const eventFields = {
  description: Type.Optional(Nullable(Text(20_000))),
  startsAt: Type.Optional(When),
  endsAt: Type.Optional(When),
  timezone: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, default UTC' }),
  ),
  currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217, default USD' })),
  capacity: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'Shared by every tier' })),
  ),
  venue: Type.Optional(Nullable(VenueBody)),
  salesStart: Type.Optional(When),
  salesEnd: Type.Optional(When),
  ticketChangePolicy: Type.Optional(
    Nullable(
      Type.Object(
        {
          holderChangesUntilHoursBefore: Nullable(
            Type.Integer({
              minimum: 0,
              maximum: 8760,
              description:
                'Holders may change a ticket holder until this many hours before the start; null: never',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  ),
  refundPolicy: Type.Optional(
    Nullable(
      Type.Object(
        { customerRefundsUntilHoursBefore: Nullable(Type.Integer({ minimum: 0, maximum: 8760 })) },
        { additionalProperties: false },
      ),
    ),
  ),
  invoicing: Type.Optional(InvoicingMode),
  pricesIncludeTax: Type.Optional(
    Type.Boolean({ description: 'Tier prices include tax (default); false: tax is added on top' }),
  ),
};

export const CreateEventBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    ...eventFields,
    ticketTypes: Type.Optional(Type.Array(TicketTypeBody, { maxItems: 50 })),
    promotions: Type.Optional(
      Type.Array(
        Type.Union([
          Type.String({ minLength: 1, maxLength: 40, description: 'Shorthand: EARLY25 = 25 % off' }),
          PromotionBody,
        ]),
        {
          maxItems: 100,
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const UpdateEventBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...eventFields },
  { additionalProperties: false },
);

export const TicketTypeSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  price: Type.Number(),
  limit: Type.Integer(),
  remaining: Type.Integer(),
  soldOut: Type.Boolean(),
  salesStart: When,
  salesEnd: When,
  minPerOrder: Type.Integer(),
  maxPerOrder: Nullable(Type.Integer()),
  sortOrder: Type.Integer(),
  taxRate: Type.Number({ description: 'Percent' }),
  sold: Type.Optional(Type.Integer()),
  held: Type.Optional(Type.Integer()),
});

export const PromotionSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: Type.Union([Type.Literal('percent'), Type.Literal('fixed')]),
  value: Type.Number(),
  maxUses: Nullable(Type.Integer()),
  uses: Type.Integer({ description: 'Redemptions so far' }),
  validFrom: When,
  validUntil: When,
  ticketTypeIds: Nullable(Type.Array(Type.String())),
  minQuantity: Type.Integer(),
});

const EventStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('cancelled')]);
const VenueOut = Type.Object({
  name: Nullable(Type.String()),
  address: Type.Optional(Nullable(Type.String())),
  city: Nullable(Type.String()),
  country: Nullable(Type.String()),
});

// Fields every event shape shares, summaries and full views alike.
const eventIdentity = {
  id: Type.String(),
  organizerId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  status: EventStatus,
  startsAt: When,
  endsAt: When,
  timezone: Type.String(),
  currency: Type.String(),
};

export const EventSchema = Type.Object({
  ...eventIdentity,
  capacity: Nullable(Type.Integer()),
  remaining: Type.Integer(),
  venue: Nullable(VenueOut),
  salesStart: When,
  salesEnd: When,
  refundPolicy: Type.Object({ customerRefundsUntilHoursBefore: Nullable(Type.Integer()) }),
  ticketChangePolicy: Type.Object({ holderChangesUntilHoursBefore: Nullable(Type.Integer()) }),
  invoicing: InvoicingMode,
  pricesIncludeTax: Type.Boolean(),
  imageUrl: Nullable(Type.String()),
  ticketTypes: Type.Array(TicketTypeSchema),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: When,
  cancelledAt: When,
  sold: Type.Optional(Type.Integer()),
  held: Type.Optional(Type.Integer()),
  promotions: Type.Optional(Type.Array(PromotionSchema)),
});

export const EventSummarySchema = Type.Object({
  ...eventIdentity,
  venue: Nullable(VenueOut),
  imageUrl: Nullable(Type.String()),
  priceFrom: Nullable(Type.Number()),
  remaining: Type.Integer(),
  soldOut: Type.Boolean(),
  capacity: Type.Optional(Nullable(Type.Integer())),
  sold: Type.Optional(Type.Integer()),
  held: Type.Optional(Type.Integer()),
  organizerName: Type.Optional(Type.String()),
  organizerEmail: Type.Optional(Type.String()),
});

export const AvailabilitySchema = Type.Object({
  remaining: Type.Integer(),
  ticketTypes: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      remaining: Type.Integer(),
      soldOut: Type.Boolean(),
    }),
  ),
});

export const EventParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
