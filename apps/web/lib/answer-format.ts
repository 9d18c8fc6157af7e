import type { AnswerValue, QuestionKind } from '@eventhub/client';
import { countryName, DISPLAY_LOCALE } from './event-format';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2025-06-14" → "Jun 14, 2025": a calendar day, the same wherever it is read. */
function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * A buyer's answer as people read it: a checkbox as Yes or No, several choices joined, a country
 * by its name, a date in words. Without the question's kind (the door gets none) only what the
 * value itself tells is used.
 */
export function formatAnswer(value: AnswerValue | null | undefined, kind?: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return new Intl.NumberFormat(DISPLAY_LOCALE).format(value);
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '—';
  if (kind === 'country') return countryName(value);
  if (kind === 'date' && DAY.test(value)) return formatDay(value);
  return value;
}

/** One counted option of a question's analytics: "yes"/"no" of a checkbox, a country's code, a choice. */
export function formatAnswerOption(value: string, kind: string): string {
  if (kind === 'checkbox') return value === 'yes' ? 'Yes' : value === 'no' ? 'No' : value;
  if (kind === 'country') return countryName(value);
  return value;
}

/** What the organizer picks from when adding a question. */
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  text: 'Short text',
  textarea: 'Long text',
  choice: 'Single choice',
  multi: 'Multiple choice',
  checkbox: 'Checkbox (consent)',
  number: 'Number',
  date: 'Date',
  email: 'E-mail address',
  phone: 'Phone number',
  country: 'Country',
};
