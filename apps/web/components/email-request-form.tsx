'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FieldError, fieldAria } from './field-error';
import { FormAlert } from './form-alert';
import { toFormProblem } from '@/lib/form-problem';
import { useFormProblem } from '@/lib/use-form-problem';

interface Props {
  /** Prefix of the ids in this form, e.g. "find-tickets". */
  idPrefix: string;
  submitLabel: string;
  /** Sends the request; resolves once the API accepted it (202), throws its error otherwise. */
  onSend: (email: string) => Promise<void>;
  /** What to say once sent; the same for every address, known or not. */
  sentMessage: (email: string) => string;
}

/**
 * One e-mail address in, a neutral "if we know it, we sent something" out: the shape of "find my
 * tickets" and "forgot password", whose answers never tell whether an address has an account.
 */
export function EmailRequestForm({ idPrefix, submitLabel, onSend, sentMessage }: Props) {
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const emailId = `${idPrefix}-email`;

  // The form gives way to the message: focus follows, so keyboard users are not left nowhere.
  useEffect(() => {
    if (sentTo !== null) statusRef.current?.focus();
  }, [sentTo]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setSubmitting(true);
    try {
      await onSend(email);
      setSentTo(email);
    } catch (error) {
      setProblem(toFormProblem(error, ['email']));
    } finally {
      setSubmitting(false);
    }
  }

  if (sentTo !== null) {
    return (
      <div role="status">
        <p ref={statusRef} tabIndex={-1} className="form-status" data-testid={`${idPrefix}-sent`}>
          {sentMessage(sentTo)}
        </p>
        <p>
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            Use another address
          </button>
        </p>
      </div>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <FormAlert message={problem.message} />
      <label htmlFor={emailId}>Email</label>
      <input
        id={emailId}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        {...fieldAria(emailId, problem.fields.email)}
      />
      <FieldError id={`${emailId}-error`} message={problem.fields.email} />
      <button type="submit" aria-busy={submitting} disabled={submitting}>
        {submitLabel}
      </button>
    </form>
  );
}
