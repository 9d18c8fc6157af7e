import { Type } from 'typebox';
import { Nullable } from './common';

const QuestionKind = Type.Union([
  Type.Literal('text'),
  Type.Literal('textarea'),
  Type.Literal('choice'),
  Type.Literal('multi'),
  Type.Literal('checkbox'),
  Type.Literal('number'),
  Type.Literal('date'),
  Type.Literal('email'),
  Type.Literal('phone'),
  Type.Literal('country'),
]);
const QuestionScope = Type.Union([Type.Literal('order'), Type.Literal('attendee')], {
  description: 'Asked once per order, or of each attendee (ticket)',
});

const Id = Type.String({ minLength: 1, maxLength: 64 });

const editable = {
  required: Type.Optional(Type.Boolean()),
  options: Type.Optional(
    Nullable(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: 50,
        description: 'The choices of a choice or multi question',
      }),
    ),
  ),
  ticketTypeIds: Type.Optional(
    Nullable(
      Type.Array(Id, { maxItems: 100, description: 'Ask only buyers of these ticket types; null: all' }),
    ),
  ),
  helpText: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  showAtCheckin: Type.Optional(
    Type.Boolean({ description: 'Shown to the door staff when the ticket is scanned' }),
  ),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
};

export const QuestionBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 200 }),
    kind: QuestionKind,
    scope: QuestionScope,
    ...editable,
  },
  { additionalProperties: false },
);

export const QuestionPatchBody = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    kind: Type.Optional(QuestionKind),
    scope: Type.Optional(QuestionScope),
    ...editable,
  },
  { additionalProperties: false, minProperties: 1 },
);

export const QuestionSchema = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  label: Type.String(),
  kind: QuestionKind,
  scope: QuestionScope,
  required: Type.Boolean(),
  options: Nullable(Type.Array(Type.String())),
  ticketTypeIds: Nullable(Type.Array(Type.String())),
  helpText: Nullable(Type.String()),
  showAtCheckin: Type.Boolean(),
  position: Type.Integer(),
  hidden: Type.Boolean({ description: 'Deleted while it had answers: buyers no longer see it' }),
});

export const QuestionParams = Type.Object({ id: Id, questionId: Id });

const AnswerValue = Type.Union([
  Type.String({ maxLength: 5000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
]);

export const AnswerInputSchema = Type.Array(
  Type.Object({ questionId: Id, value: Nullable(AnswerValue) }, { additionalProperties: false }),
  { maxItems: 100 },
);

export const AnswerSchema = Type.Object({
  questionId: Type.String(),
  label: Type.String(),
  kind: QuestionKind,
  scope: QuestionScope,
  seat: Nullable(Type.Integer({ description: "The attendee's place in the order (attendee questions)" })),
  ticketId: Nullable(Type.String({ description: 'The ticket of that seat, once issued' })),
  value: AnswerValue,
});

/** What the door sees of a show-at-check-in question's answer. */
export const CheckinAnswerSchema = Type.Object({
  questionId: Type.String(),
  label: Type.String(),
  value: AnswerValue,
});
