import type { DbOrTx } from '../db/database';
import type { QuestionScope } from '../db/schema';
import type { CsvValue } from './csv';
import type { AnswerValue } from '../questions/answer-values';
import { answerText } from '../questions/order-answers';
import { byPosition, toQuestion } from '../questions/question-view';

export interface AnswerColumns {
  /** One header per question, deleted ones marked: their answers are still the buyers'. */
  header: string[];
  /** Reads the answers of one page of rows' orders (one query per page). */
  loadPage(orderIds: string[]): Promise<void>;
  /** The cells of one row: its order's answers, and its seat's for attendee questions. */
  cells(orderId: string, seat: number | null): CsvValue[];
}

const keyOf = (orderId: string, seat: number | null, questionId: string) =>
  `${orderId}|${seat ?? ''}|${questionId}`;

const cellOf = (value: AnswerValue): CsvValue => (typeof value === 'number' ? value : answerText(value));

/** A CSV column per question of the event (of `scopes`), for exports paged by keyset. */
export async function answerColumns(
  db: DbOrTx,
  eventId: string,
  scopes: QuestionScope[] = ['order', 'attendee'],
): Promise<AnswerColumns> {
  const questions = (await db.selectFrom('questions').selectAll().where('event_id', '=', eventId).execute())
    .map(toQuestion)
    .filter((q) => scopes.includes(q.scope))
    .sort(byPosition);
  let page = new Map<string, CsvValue>();
  return {
    header: questions.map((q) => (q.hidden ? `${q.label} (deleted question)` : q.label)),
    async loadPage(orderIds) {
      page = new Map();
      if (questions.length === 0 || orderIds.length === 0) return;
      const rows = await db
        .selectFrom('question_answers')
        .select(['order_id', 'seat', 'question_id', 'value'])
        .where('order_id', 'in', [...new Set(orderIds)])
        .execute();
      for (const r of rows)
        page.set(keyOf(r.order_id, r.seat, r.question_id), cellOf(JSON.parse(r.value) as AnswerValue));
    },
    cells: (orderId, seat) =>
      questions.map((q) => page.get(keyOf(orderId, q.scope === 'order' ? null : seat, q.id)) ?? null),
  };
}
