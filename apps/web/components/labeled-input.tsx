import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldError, fieldAria } from './field-error';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

/**
 * A label, its input, the input's error and an optional hint below it, tied together for screen
 * readers (`<id>-error`, `<id>-hint`).
 */
export function LabeledInput({
  id,
  label,
  error,
  hint,
  ...input
}: InputProps & { id: string; label: ReactNode; error: string | undefined; hint?: ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} {...fieldAria(id, error, hintId)} />
      <FieldError id={`${id}-error`} message={error} />
      {hint ? <small id={hintId}>{hint}</small> : null}
    </>
  );
}

/** What every form that sets a password says about it (the API's rule: 8–128 characters). */
export const PASSWORD_HINT = '8–128 characters. A passphrase of a few words works well.';

/** An input for a password being chosen, with the API's length rule and the hint. */
export function NewPasswordInput({
  id,
  label,
  error,
  name = 'password',
  hint = PASSWORD_HINT,
}: {
  id: string;
  label: ReactNode;
  error: string | undefined;
  name?: string;
  hint?: ReactNode;
}) {
  return (
    <LabeledInput
      id={id}
      label={label}
      error={error}
      hint={hint}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      minLength={8}
      maxLength={128}
    />
  );
}
