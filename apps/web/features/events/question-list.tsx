'use client';

import type { Question } from '@eventhub/client';
import { answerField, answerKey, type AnswerDraft, type AnswerOwner } from './checkout-questions';
import { QuestionField } from './question-field';

interface Props {
  questions: readonly Question[];
  owner: AnswerOwner;
  /** Unique per owner in the page, for the fields' ids. */
  idPrefix: string;
  drafts: Readonly<Record<string, AnswerDraft>>;
  errors: Partial<Record<string, string>>;
  onAnswer: (key: string, value: AnswerDraft) => void;
}

/** The questions of one owner (the order, or one ticket's attendee), in the organizer's order. */
export function QuestionList({ questions, owner, idPrefix, drafts, errors, onAnswer }: Props) {
  return (
    <>
      {questions.map((q) => (
        <QuestionField
          key={q.id}
          question={q}
          id={`${idPrefix}-q-${q.id}`}
          value={drafts[answerKey(owner, q.id)]}
          error={errors[answerField(owner, q.id)]}
          onChange={(value) => onAnswer(answerKey(owner, q.id), value)}
        />
      ))}
    </>
  );
}
