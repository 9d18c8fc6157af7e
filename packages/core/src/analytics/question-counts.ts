import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { QuestionKind, QuestionScope } from '../db/schema';
import type { SalesRange } from './sales-range';
import type { AnswerValue } from '../questions/answer-values';
import { answerText } from '../questions/order-answers';
import { byPosition, toQuestion } from '../questions/question-view';

export interface QuestionCounts {
  questionId: string;
  label: string;
  kind: QuestionKind;
  scope: QuestionScope;
  hidden: boolean;
  /** Kept orders (order questions) or kept tickets (attendee questions) that answered. */
  answered: number;
  /** Per option (choice, multi), yes/no (checkbox) or country; empty for free-form kinds. */
  options: { value: string; count: number }[];
}

/** Kinds whose answers fall into a few values worth counting. */
const COUNTED: ReadonlySet<QuestionKind> = new Set(['choice', 'multi', 'checkbox', 'country']);

/**
 * How the event's buyers answered, over the orders sold in the range that are still kept:
 * refunded orders and void tickets no longer count, as in the other figures. Options the
 * organizer lists come first in their order (zeros included); values of options removed since
 * follow, largest first.
 */
export async function questionCounts(
  db: DbOrTx,
  range: SalesRange,
  eventId: string,
): Promise<QuestionCounts[]> {
  const questions = (await db.selectFrom('questions').selectAll().where('event_id', '=', eventId).execute())
    .map(toQuestion)
    .sort(byPosition);
  if (questions.length === 0) return [];
  const rows = await db
    .selectFrom('question_answers')
    .innerJoin('orders', 'orders.id', 'question_answers.order_id')
    .leftJoin('tickets', (join) =>
      join
        .onRef('tickets.order_id', '=', 'question_answers.order_id')
        .onRef('tickets.seat', '=', 'question_answers.seat'),
    )
    .innerJoin('questions', 'questions.id', 'question_answers.question_id')
    .select([
      'question_answers.question_id',
      // Free-form answers are only counted, never grouped by their text.
      sql<string>`case when questions.kind in ('choice', 'multi', 'checkbox', 'country') then question_answers.value else '' end`.as(
        'value',
      ),
      sql<number>`count(*)`.as('count'),
    ])
    .where('question_answers.event_id', '=', eventId)
    .where('orders.status', 'in', ['paid', 'partially_refunded'])
    .where((eb) => eb.or([eb('question_answers.seat', 'is', null), eb('tickets.status', '<>', 'void')]))
    .$if(range.from !== null, (q) => q.where('orders.paid_at', '>=', range.from!))
    .$if(range.to !== null, (q) => q.where('orders.paid_at', '<', range.to!))
    .groupBy(['question_answers.question_id', sql`2`])
    .execute();

  const answered = new Map<string, number>();
  const values = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const count = Number(row.count);
    answered.set(row.question_id, (answered.get(row.question_id) ?? 0) + count);
    if (!row.value) continue;
    const parsed = JSON.parse(row.value) as AnswerValue;
    const picked = Array.isArray(parsed) ? parsed : [answerText(parsed)];
    const counts = values.get(row.question_id) ?? new Map<string, number>();
    for (const value of picked) counts.set(value, (counts.get(value) ?? 0) + count);
    values.set(row.question_id, counts);
  }

  return questions.map((q) => {
    const counts = values.get(q.id) ?? new Map<string, number>();
    const listed = q.kind === 'checkbox' ? ['yes', 'no'] : (q.options ?? []);
    const options = COUNTED.has(q.kind)
      ? [
          ...listed.map((value) => ({ value, count: counts.get(value) ?? 0 })),
          ...[...counts]
            .filter(([value]) => !listed.includes(value))
            .map(([value, count]) => ({ value, count }))
            .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
        ]
      : [];
    return {
      questionId: q.id,
      label: q.label,
      kind: q.kind,
      scope: q.scope,
      hidden: q.hidden,
      answered: answered.get(q.id) ?? 0,
      options,
    };
  });
}
