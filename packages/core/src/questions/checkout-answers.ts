import type { DbOrTx } from '../db/database';
import { ValidationError, type FieldError } from '../shared/errors';
import { checkAnswer, type AnswerValue } from './answer-values';
import { byPosition, toQuestion, type Question } from './question-view';

export interface AnswerInput {
  questionId: string;
  value: AnswerValue | null;
}

/** An answer to store: to an order question (`seat` null) or to the attendee in `seat`. */
export interface CheckedAnswerRow {
  questionId: string;
  seat: number | null;
  value: AnswerValue;
}

/** The questions buyers of the event are asked now (deleted ones are hidden and not asked). */
export async function liveQuestions(db: DbOrTx, eventId: string): Promise<Question[]> {
  const rows = await db
    .selectFrom('questions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('hidden_at', 'is', null)
    .execute();
  return rows.map(toQuestion).sort(byPosition);
}

const appliesTo = (question: Question, tierIds: string[]) =>
  !question.ticketTypeIds || tierIds.some((id) => question.ticketTypeIds!.includes(id));

/**
 * The server's checkout rule for questions, the one every way of placing an order goes through:
 * each answer must be to a live question of the event, of the right scope and applying to the
 * order's (order questions) or the seat's (attendee questions) ticket type, with a value its kind
 * accepts; every required question that applies must be answered. Errors name the question:
 * `answers.<questionId>` or `attendees.<seat>.answers.<questionId>`.
 */
export function checkCheckoutAnswers(
  questions: Question[],
  input: { answers?: AnswerInput[]; attendeeAnswers: (AnswerInput[] | undefined)[]; seatTiers: string[] },
): CheckedAnswerRow[] {
  const errors: FieldError[] = [];
  const rows: CheckedAnswerRow[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));

  const checkGroup = (
    given: AnswerInput[] | undefined,
    scope: Question['scope'],
    tierIds: string[],
    seat: number | null,
    prefix: string,
  ) => {
    const seen = new Set<string>();
    for (const answer of given ?? []) {
      const field = `${prefix}.${answer.questionId}`;
      const question = byId.get(answer.questionId);
      if (!question) {
        errors.push({ field, message: 'is not a question of this event' });
        continue;
      }
      if (seen.has(question.id)) {
        errors.push({ field, message: 'is answered twice' });
        continue;
      }
      seen.add(question.id);
      if (question.scope !== scope) {
        errors.push({
          field,
          message:
            scope === 'order'
              ? 'is asked per attendee: answer it in attendees[].answers'
              : 'is asked once per order: answer it in answers',
        });
        continue;
      }
      if (!appliesTo(question, tierIds)) {
        errors.push({ field, message: 'does not apply to this ticket type' });
        continue;
      }
      const checked = checkAnswer(question, answer.value);
      if ('error' in checked) errors.push({ field, message: checked.error });
      else if ('value' in checked) rows.push({ questionId: question.id, seat, value: checked.value });
      else if (question.required) errors.push({ field, message: `"${question.label}" is required` });
    }
    for (const question of questions)
      if (
        question.scope === scope &&
        question.required &&
        !seen.has(question.id) &&
        appliesTo(question, tierIds)
      )
        errors.push({ field: `${prefix}.${question.id}`, message: `"${question.label}" is required` });
  };

  checkGroup(input.answers, 'order', [...new Set(input.seatTiers)], null, 'answers');
  input.seatTiers.forEach((tierId, seat) =>
    checkGroup(input.attendeeAnswers[seat], 'attendee', [tierId], seat, `attendees.${seat}.answers`),
  );
  // Answers for attendees beyond the order's seats are caught by the attendee count rule.
  if (errors.length) throw new ValidationError(errors);
  return rows;
}
