import { isValidEmail } from '../shared/email-address';
import { isCountryCode } from '../events/places-and-times';
import type { Question } from './question-view';

/** What a buyer may send as an answer: by kind, a string, a number, a boolean or strings. */
export type AnswerValue = string | number | boolean | string[];

const MAX_TEXT = 500;
const MAX_LONG_TEXT = 5000;
const PHONE = /^\+?[\d\s().\-/]{5,32}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A checked answer: `value` to store, or `missing` (blank, unchecked, nothing picked), or what is wrong. */
export type CheckedAnswer = { value: AnswerValue } | { missing: true } | { error: string };

function text(value: unknown, max: number): CheckedAnswer {
  if (typeof value !== 'string') return { error: 'must be text' };
  const trimmed = value.trim();
  if (!trimmed) return { missing: true };
  if (trimmed.length > max) return { error: `must be at most ${max} characters` };
  return { value: trimmed };
}

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * Checks one answer against its question's kind and options and gives the value to keep
 * (trimmed text, an option exactly as the organizer wrote it, a number, an upper-case country).
 * Whether a missing answer is allowed is the caller's rule (`required`).
 */
export function checkAnswer(question: Question, value: unknown): CheckedAnswer {
  if (value === null || value === undefined) return { missing: true };
  switch (question.kind) {
    case 'text':
      return text(value, MAX_TEXT);
    case 'textarea':
      return text(value, MAX_LONG_TEXT);
    case 'choice': {
      const picked = text(value, MAX_TEXT);
      if (!('value' in picked)) return picked;
      const option = question.options?.find((o) => o === picked.value);
      return option !== undefined
        ? { value: option }
        : { error: `must be one of: ${question.options?.join(', ')}` };
    }
    case 'multi': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return { error: 'must be a list of options' };
      const picked = [...new Set((value as string[]).map((v) => v.trim()))];
      if (picked.length === 0) return { missing: true };
      const unknown = picked.filter((v) => !question.options?.includes(v));
      if (unknown.length > 0) return { error: `not an option: ${unknown.join(', ')}` };
      // In the organizer's order, so the same picks always read the same.
      return { value: question.options!.filter((o) => picked.includes(o)) };
    }
    case 'checkbox':
      if (typeof value !== 'boolean') return { error: 'must be true or false' };
      // Unticked is no consent: a required checkbox must be ticked.
      return value ? { value } : question.required ? { missing: true } : { value };
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number) || Math.abs(number) > 1e12)
        return typeof value === 'string' && !value.trim() ? { missing: true } : { error: 'must be a number' };
      return { value: number };
    }
    case 'date': {
      const picked = text(value, 10);
      if (!('value' in picked)) return picked;
      return isRealDate(picked.value as string) ? picked : { error: 'must be a date (YYYY-MM-DD)' };
    }
    case 'email': {
      const picked = text(value, 254);
      if (!('value' in picked)) return picked;
      return isValidEmail(picked.value as string) ? picked : { error: 'must be an e-mail address' };
    }
    case 'phone': {
      const picked = text(value, 32);
      if (!('value' in picked)) return picked;
      const digits = (picked.value as string).replace(/\D/g, '').length;
      return PHONE.test(picked.value as string) && digits >= 5 && digits <= 20
        ? picked
        : { error: 'must be a phone number' };
    }
    case 'country': {
      const picked = text(value, 100);
      if (!('value' in picked)) return picked;
      const code = (picked.value as string).toUpperCase();
      return isCountryCode(code) ? { value: code } : { error: 'must be an ISO 3166-1 alpha-2 country code' };
    }
  }
}
