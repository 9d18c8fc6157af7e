import type { OrderAnswer } from '@eventhub/client';
import { Fragment } from 'react';
import { orderAnswerGroups } from './answer-groups';
import { formatAnswer } from '@/lib/answer-format';

// Stacked, question over answer: labels run up to 200 characters, too long for a column beside the value.
const QUESTION_STYLE = { fontSize: '0.875rem', color: 'var(--pico-muted-color)' } as const;
const ANSWER_STYLE = { margin: '0 0 0.5rem', fontWeight: 600, overflowWrap: 'anywhere' } as const;

/** Questions and answers as a description list: the question small, its answer under it. */
export function AnswerList({ answers, testId }: { answers: readonly OrderAnswer[]; testId?: string }) {
  return (
    <dl className="answer-list" data-testid={testId}>
      {answers.map((a) => (
        <Fragment key={`${a.questionId}-${a.seat ?? 'order'}-${a.ticketId ?? ''}`}>
          <dt style={QUESTION_STYLE}>{a.label}</dt>
          <dd style={ANSWER_STYLE}>{formatAnswer(a.value, a.kind)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * The answers given at checkout that belong to the order rather than to a ticket card: its
 * order questions, and (before tickets are issued) each attendee's. Nothing when there are none.
 */
export function OrderAnswers({
  answers,
  ticketIds,
  asBuyer,
}: {
  answers: readonly OrderAnswer[];
  ticketIds: ReadonlySet<string>;
  asBuyer: boolean;
}) {
  const { order, seats } = orderAnswerGroups(answers, ticketIds);
  if (order.length === 0 && seats.length === 0) return null;
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">{asBuyer ? 'Your answers' : "The buyer's answers"}</h2>
      {order.length > 0 ? <AnswerList answers={order} testId="order-answers" /> : null}
      {seats.map(({ seat, answers: list }) => (
        <Fragment key={seat}>
          <h3>Attendee {seat + 1}</h3>
          <AnswerList answers={list} testId="seat-answers" />
        </Fragment>
      ))}
    </section>
  );
}
