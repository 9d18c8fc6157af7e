'use client';

import { ApiError } from '@eventhub/client';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { FieldError, fieldAria } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { openPath } from '@/lib/open-path';
import { afterSignInPath } from '@/lib/safe-redirect';
import { useFormProblem } from '@/lib/use-form-problem';

const FIELDS = ['email', 'password'] as const;

function tooManyAttempts(error: ApiError): string {
  const seconds = Number(error.problem.retryAfter);
  return Number.isFinite(seconds) && seconds > 0
    ? `Too many attempts, try again in ${Math.ceil(seconds)} seconds.`
    : 'Too many attempts, try again in a little while.';
}

const MESSAGES: CodeMessages = {
  // A disabled account is refused as invalid_credentials too: login says nothing about an account.
  invalid_credentials: 'Wrong email or password.',
};

export function LoginForm() {
  const { signIn } = useAuth();
  const router = useRouter();
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    try {
      await signIn({
        email: String(form.get('email') ?? '').trim(),
        password: String(form.get('password') ?? ''),
      });
      // Read at submit time, as the address bar has it.
      openPath(router, afterSignInPath(window.location.search, window.location.origin), 'replace');
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 429
          ? { fields: {}, message: tooManyAttempts(error) }
          : toFormProblem(error, FIELDS, MESSAGES),
      );
      setSubmitting(false);
    }
  }

  const { fields } = problem;
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <FormAlert message={problem.message} />

      <label htmlFor="login-email">Email</label>
      <input
        id="login-email"
        name="email"
        type="email"
        autoComplete="username"
        required
        {...fieldAria('login-email', fields.email)}
      />
      <FieldError id="login-email-error" message={fields.email} />

      <label htmlFor="login-password">Password</label>
      <input
        id="login-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        {...fieldAria('login-password', fields.password)}
      />
      <FieldError id="login-password-error" message={fields.password} />

      <button type="submit" aria-busy={submitting} disabled={submitting}>
        Log in
      </button>
    </form>
  );
}
