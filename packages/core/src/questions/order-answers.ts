import type { DbOrTx } from '../db/database';
import type { QuestionKind, QuestionScope } from '../db/schema';
import type { AnswerValue } from './answer-values';
import type { CheckedAnswerRow } from './checkout-answers';
import type { Question } from './question-view';

/** One answer as orders, exports and the door show it. */
export interface AnswerView {
  questionId: string;
  label: string;
  kind: QuestionKind;
  scope: QuestionScope;
  /** The attendee's seat in the order (attendee questions); null for order questions. */
  seat: number | null;
  /** The ticket of that seat once issued; null for order questions and unpaid orders. */
  ticketId: string | null;
  value: AnswerValue;
}

/** Orders' answers in two-level order (order questions first, then by seat), by order id: one query. */
export async function loadOrderAnswers(db: DbOrTx, orderIds: string[]): Promise<Map<string, AnswerView[]>> {
  const byOrder = new Map<string, AnswerView[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .selectFrom('question_answers')
    .innerJoin('questions', 'questions.id', 'question_answers.question_id')
    .leftJoin('tickets', (join) =>
      join
        .onRef('tickets.order_id', '=', 'question_answers.order_id')
        .onRef('tickets.seat', '=', 'question_answers.seat'),
    )
    .select([
      'question_answers.order_id',
      'question_answers.question_id',
      'question_answers.seat',
      'question_answers.value',
      'questions.label',
      'questions.kind',
      'questions.scope',
      'questions.position',
      'tickets.id as ticket_id',
    ])
    .where('question_answers.order_id', 'in', orderIds)
    .execute();
  rows.sort(
    (a, b) =>
      (a.seat ?? -1) - (b.seat ?? -1) ||
      a.position - b.position ||
      a.question_id.localeCompare(b.question_id),
  );
  for (const row of rows) {
    const list = byOrder.get(row.order_id) ?? [];
    list.push({
      questionId: row.question_id,
      label: row.label,
      kind: row.kind,
      scope: row.scope,
      seat: row.seat,
      ticketId: row.ticket_id,
      value: JSON.parse(row.value) as AnswerValue,
    });
    byOrder.set(row.order_id, list);
  }
  return byOrder;
}

/** Answers just checked at checkout, shaped like stored ones (no ticket yet). */
export function checkedAnswerViews(rows: CheckedAnswerRow[], questions: Question[]): AnswerView[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return rows.map((row) => {
    const q = byId.get(row.questionId)!;
    return {
      questionId: q.id,
      label: q.label,
      kind: q.kind,
      scope: q.scope,
      seat: row.seat,
      ticketId: null,
      value: row.value,
    };
  });
}

/** An answer as one line of text: CSV cells and the door's screen. */
export function answerText(value: AnswerValue): string {
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
