'use client';

import { ApiError } from '@eventhub/client';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { LabeledInput, NewPasswordInput } from '@/components/labeled-input';
import { toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { api, refreshSession } from '@/lib/session';
import { useFormProblem } from '@/lib/use-form-problem';

const FIELDS = ['password', 'confirm'] as const;

const MESSAGES: CodeMessages = {
  password_too_common: 'That password is too common and easy to guess. Choose another one.',
};

/** The API's answer to a spent, expired or unknown invitation, or one whose account was removed. */
function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'invalid_token';
}

/** Door staff accept an organizer's invitation: they choose their password and are signed in. */
export function AcceptInviteForm({ token }: { token: string }) {
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const [outcome, setOutcome] = useState<'done' | 'dead-link' | null>(null);
  const [email, setEmail] = useState('');
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
      const result = await api.auth.acceptStaffInvite({ token, password });
      setEmail(result.user.email);
      // The answer set this browser's login cookie: take the session over from it.
      await refreshSession();
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
      <div ref={outcomeRef} tabIndex={-1} role="status" data-testid="invite-accepted">
        <p className="form-status">
          Your password is set and you are signed in as {email}. Next time, log in with this address and
          password.
        </p>
        <p>
          <Link href="/scanner" className="button-link">
            Open the scanner
          </Link>
        </p>
      </div>
    );
  }
  if (outcome === 'dead-link') {
    return (
      <div ref={outcomeRef} tabIndex={-1} role="alert">
        <p className="form-alert">
          This invitation has expired, was already used, or was withdrawn. Ask the organizer who invited you
          to send a new one.
        </p>
        <p>
          Already set your password? <Link href="/login">Log in</Link>
        </p>
      </div>
    );
  }
  const { fields } = problem;
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <FormAlert message={problem.message} />
      <NewPasswordInput id="invite-password" label="Choose a password" error={fields.password} />
      <LabeledInput
        id="invite-confirm"
        label="Repeat the password"
        error={fields.confirm}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
      />
      <button type="submit" aria-busy={submitting} disabled={submitting}>
        Set password and sign in
      </button>
    </form>
  );
}
