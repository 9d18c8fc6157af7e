'use client';

import { ApiError } from '@eventhub/client';
import { useState, type FormEvent } from 'react';
import { changePassword } from './account-api';
import { LabeledInput, NewPasswordInput } from '@/components/labeled-input';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { useFormProblem } from '@/lib/use-form-problem';

const FIELDS = ['currentPassword', 'newPassword'] as const;

const MESSAGES: CodeMessages = {
  password_too_common: 'That password is too common and easy to guess. Choose another one.',
};

/** A new password for the signed-in user; the API then ends their other sessions, not this one. */
export function ChangePasswordForm() {
  const { authed } = useAuth();
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const [notice, setNotice] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSubmitting(true);
    setNotice(null);
    try {
      await authed((client) =>
        changePassword(
          client,
          String(form.get('currentPassword') ?? ''),
          String(form.get('newPassword') ?? ''),
        ),
      );
      formElement.reset();
      setProblem({ fields: {}, message: null });
      setNotice('Password changed. You stay logged in here; every other session was logged out.');
    } catch (error) {
      // A wrong current password belongs next to that field.
      setProblem(
        error instanceof ApiError && error.code === 'invalid_credentials'
          ? { fields: { currentPassword: 'Your current password is not right.' }, message: null }
          : toFormProblem(error, FIELDS, MESSAGES),
      );
    } finally {
      setSubmitting(false);
    }
  }

  const { fields } = problem;
  return (
    <form ref={formRef} onSubmit={onSubmit} aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change password</h2>
      <FormAlert message={problem.message} />
      <LabeledInput
        id="current-password"
        label="Current password"
        error={fields.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        maxLength={128}
      />
      <NewPasswordInput
        id="new-password"
        label="New password"
        name="newPassword"
        error={fields.newPassword}
      />
      <button type="submit" aria-busy={submitting} disabled={submitting}>
        Change password
      </button>
      <p role="status">{notice ? <span className="form-status">{notice}</span> : null}</p>
    </form>
  );
}
