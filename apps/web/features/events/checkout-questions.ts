import type { AnswerValue, Question } from '@eventhub/client';

/** What the buyer has typed or picked for one question so far. */
export type AnswerDraft = string | boolean | string[];

/** Whose answer: the order's ("order") or one seat's (its key, "tierId:2"). */
export type AnswerOwner = 'order' | string;

/** Where a draft is kept (cart) and its field error goes (`answer:<key>`). */
export const answerKey = (owner: AnswerOwner, questionId: string) => `${owner}|${questionId}`;
export const answerField = (owner: AnswerOwner, questionId: string) =>
  `answer:${answerKey(owner, questionId)}`;

const applies = (question: Question, tierIds: readonly string[]) =>
  !question.ticketTypeIds || tierIds.some((id) => question.ticketTypeIds!.includes(id));

/** The order questions asked of a selection: those of every tier or of a chosen one. */
export function orderQuestions(questions: readonly Question[], tierIds: readonly string[]): Question[] {
  return questions.filter((q) => !q.hidden && q.scope === 'order' && applies(q, tierIds));
}

/** The attendee questions asked of one seat of `tierId`. */
export function seatQuestions(questions: readonly Question[], tierId: string): Question[] {
  return questions.filter((q) => !q.hidden && q.scope === 'attendee' && applies(q, [tierId]));
}

/** The empty draft of a question's kind: unticked, nothing picked, or blank. */
export function emptyDraft(question: Question): AnswerDraft {
  if (question.kind === 'checkbox') return false;
  if (question.kind === 'multi') return [];
  return '';
}

/**
 * A draft as the API takes it, or null for "not answered" (blank text, nothing picked; an
 * unticked box is a "no" where it is optional, and no answer where it is required). Numbers go as typed: the API
 * reads numeric text, and says which question when it is not a number.
 */
export function answerValue(question: Question, draft: AnswerDraft | undefined): AnswerValue | null {
  // An optional box left alone is a "no": it was shown and not ticked.
  if (question.kind === 'checkbox') return draft === true ? true : question.required ? null : false;
  if (draft === undefined) return null;
  if (Array.isArray(draft)) return draft.length > 0 ? draft : null;
  if (typeof draft !== 'string') return null;
  return draft.trim() ? draft.trim() : null;
}

/** The answers to send for one owner's questions (unanswered ones left out: the API decides). */
export function answersFor(
  questions: readonly Question[],
  owner: AnswerOwner,
  drafts: Readonly<Record<string, AnswerDraft>>,
): { questionId: string; value: AnswerValue }[] {
  return questions.flatMap((q) => {
    const value = answerValue(q, drafts[answerKey(owner, q.id)]);
    return value === null ? [] : [{ questionId: q.id, value }];
  });
}

const MAX_TEXT = 5000;
const MAX_PICKS = 50;

/** Drafts read back from storage, bounded: whatever else is there is dropped. */
export function readAnswerDrafts(value: unknown): Record<string, AnswerDraft> {
  const drafts: Record<string, AnswerDraft> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return drafts;
  for (const [key, draft] of Object.entries(value).slice(0, 500)) {
    if (!key.includes('|')) continue;
    if (typeof draft === 'boolean') drafts[key] = draft;
    else if (typeof draft === 'string') drafts[key] = draft.slice(0, MAX_TEXT);
    else if (Array.isArray(draft))
      drafts[key] = draft.filter((d): d is string => typeof d === 'string').slice(0, MAX_PICKS);
  }
  return drafts;
}
