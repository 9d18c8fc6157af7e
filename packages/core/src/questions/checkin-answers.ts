import type { DbOrTx } from '../db/database';
import type { AnswerValue } from './answer-values';

export interface CheckinAnswer {
  questionId: string;
  label: string;
  value: AnswerValue;
}

/**
 * What the door is shown of a ticket's answers: those to "show at check-in" questions, the
 * order's and the ticket's own attendee's (by seat). One indexed query by the ticket's order.
 */
export async function checkinAnswers(db: DbOrTx, ticketId: string): Promise<CheckinAnswer[]> {
  const rows = await db
    .selectFrom('tickets')
    .innerJoin('question_answers', 'question_answers.order_id', 'tickets.order_id')
    .innerJoin('questions', 'questions.id', 'question_answers.question_id')
    .select([
      'questions.id',
      'questions.label',
      'questions.position',
      'question_answers.seat',
      'question_answers.value',
    ])
    .where('tickets.id', '=', ticketId)
    .where('questions.show_at_checkin', '=', 1)
    .where((eb) =>
      eb.or([
        eb('question_answers.seat', 'is', null),
        eb('question_answers.seat', '=', eb.ref('tickets.seat')),
      ]),
    )
    .execute();
  return rows
    .sort((a, b) => (a.seat ?? -1) - (b.seat ?? -1) || a.position - b.position)
    .map((r) => ({ questionId: r.id, label: r.label, value: JSON.parse(r.value) as AnswerValue }));
}
