'use client';

import { ApiError } from '@eventhub/client';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from '@/components/form-alert';
import { LabeledInput, NewPasswordInput } from '@/components/labeled-input';
import { toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { useFormProblem } from '@/lib/use-form-problem';

const FIELDS = ['password', 'confirm'] as const;

const MESSAGES: CodeMessages = {
  password_too_common: 'That password is too common and easy to guess. Choose another one.',
};

/** The API's answer to a spent, expired or unknown link (or one whose account was removed). */
function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'invalid_token';
}

/**
 * "Choose a new password" for a mailed link's token: the password twice, then what `done` says,
 * or what `deadLink` says when the API no longer knows the token. The outcome takes the focus.
 */
export function TokenPasswordForm({
  idPrefix,
  passwordLabel,
  confirmLabel,
  submitLabel,
  submit,
  done,
  doneTestId,
  deadLink,
}: {
  /** Unique on the page, for the inputs' ids. */
  idPrefix: string;
  passwordLabel: string;
  confirmLabel: string;
  submitLabel: string;
  /** Sets the password with the link's token; throws the API's error for the form to show. */
  submit: (password: string) => Promise<void>;
  /** What replaces the form once the password is set. */
  done: ReactNode;
  doneTestId: string;
  /** What replaces the form when the link is spent, expired or unknown. */
  deadLink: ReactNode;
}) {
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const [outcome, setOutcome] = useState<'done' | 'dead-link' | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? '')) {
      setProblem({ fields: { confirm: 'The two passwords differ.' }, message: null });
      return;
    }
    setSubmitting(true);
    try {
      await submit(password);
      setOutcome('done');
    } catch (error) {
      if (isDeadLink(error)) setOutcome('dead-link');
      else setProblem(toFormProblem(error, FIELDS, MESSAGES));
    } finally {
      setSubmitting(false);
    }
  }

  if (outcome === 'done') {
    return (
      <div ref={outcomeRef} tabIndex={-1} role="status" data-testid={doneTestId}>
        {done}
      </div>
    );
  }
  if (outcome === 'dead-link') {
    return (
      <div ref={outcomeRef} tabIndex={-1} role="alert">
        {deadLink}
      </div>
    );
  }
  const { fields } = problem;
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <FormAlert message={problem.message} />
      <NewPasswordInput id={`${idPrefix}-password`} label={passwordLabel} error={fields.password} />
      <LabeledInput
        id={`${idPrefix}-confirm`}
        label={confirmLabel}
        error={fields.confirm}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
      />
      <button type="submit" aria-busy={submitting} disabled={submitting}>
        {submitLabel}
      </button>
    </form>
  );
}
