'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { FieldError, fieldAria } from './field-error';
import { FormAlert } from './form-alert';
import { useAuth } from '@/lib/auth-context';
import { NO_PROBLEM, toFormProblem, type FormProblem } from '@/lib/form-problem';
import { useFocusFirstInvalid } from '@/lib/use-focus-first-invalid';

const FIELDS = ['name', 'email', 'password', 'role'] as const;

const MESSAGES = {
  email_taken: 'An account with this email already exists. Log in instead, or use another email.',
  password_too_common: 'That password is too common and easy to guess. Choose another one.',
};

export function SignupForm() {
  const { signUp } = useAuth();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [submitting, setSubmitting] = useState(false);
  useFocusFirstInvalid(formRef, problem);

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
      router.push('/account');
    } catch (error) {
      setProblem(toFormProblem(error, FIELDS, MESSAGES));
      setSubmitting(false);
    }
  }

  const { fields } = problem;
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <FormAlert message={problem.message} />

      <label htmlFor="signup-name">Name</label>
      <input
        id="signup-name"
        name="name"
        autoComplete="name"
        required
        maxLength={200}
        {...fieldAria('signup-name', fields.name)}
      />
      <FieldError id="signup-name-error" message={fields.name} />

      <label htmlFor="signup-email">Email</label>
      <input
        id="signup-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        {...fieldAria('signup-email', fields.email)}
      />
      <FieldError id="signup-email-error" message={fields.email} />

      <label htmlFor="signup-password">Password</label>
      <input
        id="signup-password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        {...fieldAria('signup-password', fields.password, 'signup-password-hint')}
      />
      <FieldError id="signup-password-error" message={fields.password} />
      <small id="signup-password-hint">8–128 characters. A passphrase of a few words works well.</small>

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
