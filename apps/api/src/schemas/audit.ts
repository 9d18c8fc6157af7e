import { Type } from 'typebox';
import { Id, IsoDateTime, Nullable, PageQuery } from './common';

const AuditPersonSchema = Type.Object(
  { id: Type.String(), name: Type.String(), email: Type.String() },
  { description: 'The user who acted' },
);

const AuditTargetSchema = Type.Object(
  {
    type: Type.String({
      description: 'event, user, order, ticket, refund, promotion, ticket_type, session, …',
    }),
    id: Nullable(Type.String()),
    name: Nullable(
      Type.String({
        description:
          "A name to read: an event's name, a user's name and e-mail, an order's reference and event, a " +
          "ticket's holder and event, a refund's order reference, a question's label and event; null when it cannot be told",
      }),
    ),
  },
  { description: 'What the entry is about' },
);

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  actorId: Nullable(Type.String()),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  actor: Nullable(AuditPersonSchema),
  target: Nullable(AuditTargetSchema),
  detailNames: Type.Record(Type.String(), Type.String(), {
    description:
      'Names of the ids in details, by key: eventId → the event name, orderId → the order reference, organizerId → the name and e-mail',
  }),
});

export const AuditLogQuerySchema = Type.Object({
  actorId: Type.Optional(Id),
  actor: Type.Optional(
    Type.String({ maxLength: 200, description: "Text in the acting user's name or e-mail, any case" }),
  ),
  action: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'One action (`order.placed`), or every action of a subject: `order` or `order.`',
    }),
  ),
  targetType: Type.Optional(Type.String({ maxLength: 50 })),
  targetId: Type.Optional(Id),
  target: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        "Text in the target's name: an event's name, a user's name or e-mail, an order's reference, a ticket's holder, a question's label",
    }),
  ),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  ...PageQuery,
});

export const AuditActionsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      action: Type.String({ description: 'The dotted name, as stored and filtered on' }),
      label: Type.String({ description: 'A short name to show, e.g. "Order placed"' }),
      description: Type.String(),
      group: Type.String({ description: 'What it is about, e.g. "Orders"' }),
    }),
  ),
});
