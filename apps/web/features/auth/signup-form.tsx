'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { AccountFields } from '@/components/account-fields';
import { FieldError } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { openPath } from '@/lib/open-path';
import { afterSignInPath } from '@/lib/safe-redirect';
import { useFormProblem } from '@/lib/use-form-problem';

const FIELDS = ['name', 'email', 'password', 'role'] as const;

const MESSAGES: CodeMessages = {
  email_taken: 'An account with this email already exists. Log in instead, or use another email.',
  password_too_common: 'That password is too common and easy to guess. Choose another one.',
};

export function SignupForm() {
  const { signUp } = useAuth();
  const router = useRouter();
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    try {
      await signUp({
        name: String(form.get('name') ?? '').trim(),
        email: String(form.get('email') ?? '').trim(),
        password: String(form.get('password') ?? ''),
        role: form.get('role') === 'organizer' ? 'organizer' : 'customer',
      });
      openPath(router, afterSignInPath(window.location.search, window.location.origin));
    } catch (error) {
      setProblem(toFormProblem(error, FIELDS, MESSAGES));
      setSubmitting(false);
    }
  }

  const { fields } = problem;
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <FormAlert message={problem.message} />

      <AccountFields idPrefix="signup" errors={fields} nameAutoComplete="name" emailAutoComplete="email" />

      <fieldset aria-describedby={fields.role ? 'signup-role-error' : undefined}>
        <legend>What brings you here?</legend>
        <label>
          <input type="radio" name="role" value="customer" defaultChecked />I want to buy tickets
        </label>
        <label>
          <input type="radio" name="role" value="organizer" />I organize events
        </label>
        <FieldError id="signup-role-error" message={fields.role} />
      </fieldset>

      <button type="submit" aria-busy={submitting} disabled={submitting}>
        Sign up
      </button>
    </form>
  );
}
