import type { Question, QuestionInput, QuestionKind, QuestionPatch } from '@eventhub/client';
import { QUESTION_KIND_LABELS } from '../../lib/answer-format';

/** The question form's fields, as the API names them. */
export const QUESTION_FIELDS = [
  'label',
  'kind',
  'scope',
  'required',
  'options',
  'ticketTypeIds',
  'helpText',
  'showAtCheckin',
] as const;

/**
 * Where the API's field path belongs in the form: "/options/2" and "body.options" both go to
 * "options"; null when the form has no such field (the message then heads the form).
 */
export function questionField(path: string): string | null {
  const names: readonly string[] = QUESTION_FIELDS;
  return (
    path
      .split(/[/.]/)
      .filter(Boolean)
      .find((segment) => names.includes(segment)) ?? null
  );
}

/** The kinds whose answers are picked from the question's own options. */
export function hasOptions(kind: QuestionKind): boolean {
  return kind === 'choice' || kind === 'multi';
}

export const QUESTION_KINDS = Object.keys(QUESTION_KIND_LABELS) as QuestionKind[];

function readKind(form: FormData): QuestionKind {
  const kind = String(form.get('kind') ?? 'text');
  return (QUESTION_KINDS as string[]).includes(kind) ? (kind as QuestionKind) : 'text';
}

/** The options textarea: one per line, blank lines left out. */
export function readOptions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The form's fields read as the API names them; tiers null when none is ticked (every tier). */
function readFields(form: FormData) {
  const kind = readKind(form);
  const tiers = form.getAll('ticketTypeIds').map(String);
  return {
    label: String(form.get('label') ?? '').trim(),
    kind,
    scope: form.get('scope') === 'attendee' ? ('attendee' as const) : ('order' as const),
    required: form.get('required') !== null,
    options: hasOptions(kind) ? readOptions(String(form.get('options') ?? '')) : null,
    ticketTypeIds: tiers.length > 0 ? tiers : null,
    helpText: String(form.get('helpText') ?? '').trim() || null,
    showAtCheckin: form.get('showAtCheckin') !== null,
  };
}

/** A new question's body; empty optional fields are left out. */
export function readNewQuestion(form: FormData): QuestionInput {
  const { options, ticketTypeIds, helpText, ...rest } = readFields(form);
  return {
    ...rest,
    ...(options !== null ? { options } : {}),
    ...(ticketTypeIds !== null ? { ticketTypeIds } : {}),
    ...(helpText !== null ? { helpText } : {}),
  };
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameSet(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return sameList([...a].sort(), [...b].sort());
}

/** An edit's PATCH: only what changed, a cleared field as null. */
export function readQuestionChanges(form: FormData, question: Question): QuestionPatch {
  const next = readFields(form);
  const patch: QuestionPatch = {};
  if (next.label !== question.label) patch.label = next.label;
  if (next.kind !== question.kind) patch.kind = next.kind;
  if (next.scope !== question.scope) patch.scope = next.scope;
  if (next.required !== question.required) patch.required = next.required;
  // A kind without options needs none sent: the API drops them when the kind changes.
  if (next.options !== null && !sameList(next.options, question.options)) patch.options = next.options;
  if (!sameSet(next.ticketTypeIds, question.ticketTypeIds)) patch.ticketTypeIds = next.ticketTypeIds;
  if (next.helpText !== (question.helpText || null)) patch.helpText = next.helpText;
  if (next.showAtCheckin !== question.showAtCheckin) patch.showAtCheckin = next.showAtCheckin;
  return patch;
}

/**
 * Moving a live question one place up or down: the positions that must change, as the list's
 * new order numbered from 0 (hidden questions, no longer asked, keep theirs). Nothing to do at
 * either end.
 */
export function moveQuestion(
  questions: readonly Question[],
  id: string,
  step: -1 | 1,
): { id: string; position: number }[] {
  const live = questions.filter((q) => !q.hidden);
  const from = live.findIndex((q) => q.id === id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= live.length) return [];
  const order = [...live];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order.flatMap((q, position) => (q.position === position ? [] : [{ id: q.id, position }]));
}

/** Live questions in the order buyers see them, then the hidden ones. */
export function editorOrder(questions: readonly Question[]): Question[] {
  const byPosition = (a: Question, b: Question) =>
    a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [
    ...questions.filter((q) => !q.hidden).sort(byPosition),
    ...questions.filter((q) => q.hidden).sort(byPosition),
  ];
}

/** One line about a question: "Single choice · each attendee · required · VIP only · at check-in". */
export function questionFacts(question: Question, tierName: (id: string) => string | undefined): string {
  const parts = [
    QUESTION_KIND_LABELS[question.kind],
    question.scope === 'order' ? 'once per order' : 'each attendee',
    question.required ? 'required' : 'optional',
  ];
  if (question.ticketTypeIds)
    parts.push(
      `${question.ticketTypeIds.map((id) => tierName(id) ?? 'a removed ticket type').join(', ')} only`,
    );
  if (question.showAtCheckin) parts.push('shown at check-in');
  return parts.join(' · ');
}
