import type { QuestionKind, QuestionScope } from '../db/schema';
import type { Question } from './question-view';
import { ValidationError, type FieldError } from '../shared/errors';

export const QUESTION_KINDS: readonly QuestionKind[] = [
  'text',
  'textarea',
  'choice',
  'multi',
  'checkbox',
  'number',
  'date',
  'email',
  'phone',
  'country',
];
export const QUESTION_SCOPES: readonly QuestionScope[] = ['order', 'attendee'];

/** Kinds whose answers are picked from the question's own options. */
export const KINDS_WITH_OPTIONS: ReadonlySet<QuestionKind> = new Set(['choice', 'multi']);

const MAX_LABEL = 200;
const MAX_HELP = 500;
const MAX_OPTIONS = 50;
const MAX_OPTION = 100;

/** A question's definition after a create or a change: what the rules below check together. */
export type QuestionDefinition = Omit<Question, 'id' | 'eventId' | 'hidden'>;

/** What a create or a change may set; absent fields keep their value (or default). */
export type QuestionFields = Partial<QuestionDefinition>;

/**
 * Checks a whole definition: a label, options exactly for the kinds that pick from them (unique,
 * non-blank), trimmed texts. Tier ids are checked against the event by the caller.
 */
export function normalizeDefinition(d: QuestionDefinition): QuestionDefinition {
  const errors: FieldError[] = [];
  const label = d.label.trim();
  if (label.length < 1 || label.length > MAX_LABEL)
    errors.push({ field: 'label', message: `must be 1–${MAX_LABEL} characters` });
  if (!QUESTION_KINDS.includes(d.kind))
    errors.push({ field: 'kind', message: `must be one of ${QUESTION_KINDS.join(', ')}` });
  if (!QUESTION_SCOPES.includes(d.scope))
    errors.push({ field: 'scope', message: 'must be order or attendee' });
  let options: string[] | null = null;
  if (KINDS_WITH_OPTIONS.has(d.kind)) {
    options = (d.options ?? []).map((o) => o.trim());
    if (options.length === 0 || options.length > MAX_OPTIONS)
      errors.push({ field: 'options', message: `a ${d.kind} question needs 1–${MAX_OPTIONS} options` });
    if (options.some((o) => o.length < 1 || o.length > MAX_OPTION))
      errors.push({ field: 'options', message: `each option must be 1–${MAX_OPTION} characters` });
    if (new Set(options.map((o) => o.toLowerCase())).size !== options.length)
      errors.push({ field: 'options', message: 'options must differ from each other' });
  } else if (d.options && d.options.length > 0) {
    errors.push({ field: 'options', message: `only choice and multi questions have options` });
  }
  const helpText = d.helpText?.trim() || null;
  if (helpText && helpText.length > MAX_HELP)
    errors.push({ field: 'helpText', message: `must be at most ${MAX_HELP} characters` });
  if (!Number.isInteger(d.position) || d.position < 0 || d.position > 10_000)
    errors.push({ field: 'position', message: 'must be a whole number from 0 to 10000' });
  if (errors.length) throw new ValidationError(errors);
  const ticketTypeIds = d.ticketTypeIds && d.ticketTypeIds.length > 0 ? [...new Set(d.ticketTypeIds)] : null;
  return { ...d, label, options, helpText, ticketTypeIds };
}
