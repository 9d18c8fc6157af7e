'use client';

import type { Question } from '@eventhub/client';
import { useMemo } from 'react';
import type { AnswerDraft } from './checkout-questions';
import { FieldError, fieldAria } from '@/components/field-error';
import { countryOptions } from '@/lib/places';

interface Props {
  question: Question;
  /** Unique in the page: the seat's or the order's prefix plus the question id. */
  id: string;
  value: AnswerDraft | undefined;
  error: string | undefined;
  onChange: (value: AnswerDraft) => void;
}

const INPUT_TYPES: Partial<Record<Question['kind'], string>> = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  number: 'number',
  date: 'date',
};

/** One organizer question at checkout, drawn by its kind; the server checks the answer again. */
export function QuestionField({ question, id, value, error, onChange }: Props) {
  const countries = useMemo(() => (question.kind === 'country' ? countryOptions() : []), [question.kind]);
  const hintId = question.helpText ? `${id}-hint` : undefined;
  const aria = fieldAria(id, error, hintId);
  const label = `${question.label}${question.required ? '' : ' (optional)'}`;
  const text = typeof value === 'string' ? value : '';
  const hint = question.helpText ? (
    <small id={hintId} className="question-hint">
      {question.helpText}
    </small>
  ) : null;

  if (question.kind === 'checkbox')
    return (
      <div className="question" data-testid="question">
        <label htmlFor={id} className="question-checkbox">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            required={question.required}
            {...aria}
          />{' '}
          {label}
        </label>
        {hint}
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );

  if (question.kind === 'multi') {
    const picked = Array.isArray(value) ? value : [];
    return (
      <fieldset className="question" data-testid="question" {...aria}>
        <legend>{label}</legend>
        {hint}
        {(question.options ?? []).map((option, i) => (
          <label key={option} htmlFor={`${id}-${i}`} className="question-checkbox">
            <input
              id={`${id}-${i}`}
              type="checkbox"
              checked={picked.includes(option)}
              onChange={(e) =>
                onChange(e.target.checked ? [...picked, option] : picked.filter((p) => p !== option))
              }
            />{' '}
            {option}
          </label>
        ))}
        <FieldError id={`${id}-error`} message={error} />
      </fieldset>
    );
  }

  return (
    <div className="question" data-testid="question">
      <label htmlFor={id}>{label}</label>
      {question.kind === 'textarea' ? (
        <textarea
          id={id}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          maxLength={5000}
          rows={3}
          {...aria}
        />
      ) : question.kind === 'choice' || question.kind === 'country' ? (
        <select id={id} value={text} onChange={(e) => onChange(e.target.value)} {...aria}>
          <option value="">{question.required ? 'Choose…' : 'No answer'}</option>
          {question.kind === 'choice'
            ? (question.options ?? []).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))
            : countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
        </select>
      ) : (
        <input
          id={id}
          type={INPUT_TYPES[question.kind] ?? 'text'}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          maxLength={question.kind === 'date' || question.kind === 'number' ? undefined : 500}
          step={question.kind === 'number' ? 'any' : undefined}
          {...aria}
        />
      )}
      {hint}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
