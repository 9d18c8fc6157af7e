'use client';

import { ApiError } from '@eventhub/client';
import { useState, type FormEvent } from 'react';
import { requestEmailChange } from './account-api';
import { LabeledInput } from '@/components/labeled-input';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { toFormProblem } from '@/lib/form-problem';
import { useFormProblem } from '@/lib/use-form-problem';

const FIELDS = ['newEmail', 'currentPassword'] as const;

const FIELD_OF = {
  invalid_credentials: { name: 'currentPassword', message: 'Your current password is not right.' },
  email_taken: { name: 'newEmail', message: 'Another account already uses this address.' },
} as const;

/**
 * A new address for the signed-in user. It takes effect only once the link sent to it is opened,
 * so a typo cannot lock the user out of their account.
 */
export function ChangeEmailForm() {
  const { authed } = useAuth();
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const [notice, setNotice] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newEmail = String(form.get('newEmail') ?? '').trim();
    setSubmitting(true);
    setNotice(null);
    try {
      await authed((client) =>
        requestEmailChange(client, newEmail, String(form.get('currentPassword') ?? '')),
      );
      formElement.reset();
      setProblem({ fields: {}, message: null });
      setNotice(
        `Almost done: open the link we sent to ${newEmail} within 24 hours. Until then your account keeps its present address.`,
      );
    } catch (error) {
      // Both refusals are about one field: say so next to it.
      const field =
        error instanceof ApiError && (error.code === 'invalid_credentials' || error.code === 'email_taken')
          ? FIELD_OF[error.code]
          : null;
      setProblem(
        field ? { fields: { [field.name]: field.message }, message: null } : toFormProblem(error, FIELDS),
      );
    } finally {
      setSubmitting(false);
    }
  }

  const { fields } = problem;
  return (
    <form ref={formRef} onSubmit={onSubmit} aria-labelledby="change-email-heading">
      <h2 id="change-email-heading">Change e-mail address</h2>
      <FormAlert message={problem.message} />
      <LabeledInput
        id="new-email"
        label="New e-mail address"
        error={fields.newEmail}
        name="newEmail"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
      />
      <LabeledInput
        id="email-current-password"
        label="Current password"
        error={fields.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        maxLength={128}
      />
      <button type="submit" aria-busy={submitting} disabled={submitting}>
        Send confirmation link
      </button>
      <p role="status">{notice ? <span className="form-status">{notice}</span> : null}</p>
    </form>
  );
}
