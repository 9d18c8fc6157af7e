'use client';

import type { Question } from '@eventhub/client';
import { useMemo } from 'react';
import { seatQuestions, type AnswerDraft } from './checkout-questions';
import { QuestionList } from './question-list';
import { AGE_RANGES, parseAgeRange, type AttendeeDraft, type Seat } from './ticket-selection';
import { FieldError, fieldAria } from '@/components/field-error';
import { countryOptions } from '@/lib/places';

interface Props {
  seats: readonly Seat[];
  draftOf: (key: string, index: number) => AttendeeDraft;
  /** Field errors keyed "attendee:<seatKey>:<field>". */
  errors: Partial<Record<string, string>>;
  signedIn: boolean;
  onChange: (key: string, draft: AttendeeDraft, field: keyof AttendeeDraft) => void;
  /** The event's questions; each seat gets the attendee questions of its tier. */
  questions: readonly Question[];
  answers: Readonly<Record<string, AnswerDraft>>;
  onAnswer: (key: string, value: AnswerDraft) => void;
}

/**
 * One small form per ticket: the holder's name and e-mail, optional age range and country, and
 * the organizer's questions for that ticket's attendee.
 */
export function AttendeeFields({
  seats,
  draftOf,
  errors,
  signedIn,
  onChange,
  questions,
  answers,
  onAnswer,
}: Props) {
  const countries = useMemo(() => countryOptions(), []);
  return (
    <fieldset className="attendees">
      <legend>Who is coming?</legend>
      <p>
        <small>
          Each ticket carries its holder&apos;s name.{' '}
          {signedIn ? 'A name or email left empty is yours.' : null}
        </small>
      </p>
      <p id="attendee-stats-note">
        <small>
          Age range and country are optional. The organizer sees them only as anonymous totals, and groups of
          fewer than 5 people are never shown.
        </small>
      </p>
      {seats.map((seat, index) => {
        const draft = draftOf(seat.key, index);
        const base = `attendee-${seat.tier.id}-${seat.number}`;
        const error = (field: string) => errors[`attendee:${seat.key}:${field}`];
        const update = <K extends keyof AttendeeDraft>(field: K, value: AttendeeDraft[K]) =>
          onChange(seat.key, { ...draft, [field]: value }, field);
        return (
          <fieldset key={seat.key} className="attendee" data-testid="attendee">
            <legend>
              Ticket {index + 1}: {seat.tier.name}
            </legend>
            <div className="grid">
              <div>
                <label htmlFor={`${base}-name`}>Name</label>
                <input
                  id={`${base}-name`}
                  value={draft.name}
                  onChange={(e) => update('name', e.target.value)}
                  maxLength={100}
                  autoComplete={index === 0 ? 'name' : 'off'}
                  {...fieldAria(`${base}-name`, error('name'))}
                />
                <FieldError id={`${base}-name-error`} message={error('name')} />
              </div>
              <div>
                <label htmlFor={`${base}-email`}>Email</label>
                <input
                  id={`${base}-email`}
                  type="email"
                  value={draft.email}
                  onChange={(e) => update('email', e.target.value)}
                  maxLength={254}
                  autoComplete={index === 0 ? 'email' : 'off'}
                  {...fieldAria(`${base}-email`, error('email'))}
                />
                <FieldError id={`${base}-email-error`} message={error('email')} />
              </div>
            </div>
            <div className="grid">
              <div>
                <label htmlFor={`${base}-age`}>Age range (optional)</label>
                <select
                  id={`${base}-age`}
                  value={draft.ageRange}
                  onChange={(e) => update('ageRange', parseAgeRange(e.target.value))}
                  {...fieldAria(`${base}-age`, error('ageRange'), 'attendee-stats-note')}
                >
                  <option value="">Prefer not to say</option>
                  {AGE_RANGES.map((a) => (
                    <option key={a.value} value={a.value}>
                      {a.label}
                    </option>
                  ))}
                </select>
                <FieldError id={`${base}-age-error`} message={error('ageRange')} />
              </div>
              <div>
                <label htmlFor={`${base}-country`}>Country (optional)</label>
                <select
                  id={`${base}-country`}
                  value={draft.country}
                  onChange={(e) => update('country', e.target.value)}
                  {...fieldAria(`${base}-country`, error('country'), 'attendee-stats-note')}
                >
                  <option value="">Prefer not to say</option>
                  {countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.label}
                    </option>
                  ))}
                </select>
                <FieldError id={`${base}-country-error`} message={error('country')} />
              </div>
            </div>
            <QuestionList
              questions={seatQuestions(questions, seat.tier.id)}
              owner={seat.key}
              idPrefix={base}
              drafts={answers}
              errors={errors}
              onAnswer={onAnswer}
            />
          </fieldset>
        );
      })}
    </fieldset>
  );
}
