'use client';

import { ApiError } from '@eventhub/client';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LabeledInput, NewPasswordInput } from '@/components/labeled-input';
import { FormAlert } from '@/components/form-alert';
import { resetPassword } from '@/features/account/account-api';
import { useAuth } from '@/lib/auth-context';
import { toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { api } from '@/lib/session';
import { useFormProblem } from '@/lib/use-form-problem';

const FIELDS = ['password', 'confirm'] as const;

const MESSAGES: CodeMessages = {
  password_too_common: 'That password is too common and easy to guess. Choose another one.',
};

/** The API's answer to a spent, expired or unknown link. */
function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'invalid_token';
}

/** A new password for the account of a reset link's token; then every session of it has ended. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { session, signOut } = useAuth();
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
      await resetPassword(api, token, password);
      // The reset ended every session, this tab's too if it had one.
      if (session.status === 'signed-in') await signOut();
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
      <div ref={outcomeRef} tabIndex={-1} role="status" data-testid="reset-done">
        <p className="form-status">
          Your password has been changed. Every session of your account was logged out.
        </p>
        <p>
          <Link href="/login">Log in with your new password</Link>
        </p>
      </div>
    );
  }
  if (outcome === 'dead-link') {
    return (
      <div ref={outcomeRef} tabIndex={-1} role="alert">
        <p className="form-alert">This reset link has expired or was already used.</p>
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      </div>
    );
  }
  const { fields } = problem;
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <FormAlert message={problem.message} />
      <NewPasswordInput id="reset-password" label="New password" error={fields.password} />
      <LabeledInput
        id="reset-confirm"
        label="Repeat the new password"
        error={fields.confirm}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
      />
      <button type="submit" aria-busy={submitting} disabled={submitting}>
        Set new password
      </button>
    </form>
  );
}
