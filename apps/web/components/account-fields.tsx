import { FieldError, fieldAria } from './field-error';

/** The name, email and password inputs of a new account, with their errors and password hint. */
export function AccountFields({
  idPrefix,
  errors,
  nameAutoComplete,
  emailAutoComplete,
  passwordHint,
}: {
  /** Prefix of the input ids, e.g. 'signup' gives 'signup-name'. */
  idPrefix: string;
  errors: { name?: string; email?: string; password?: string };
  nameAutoComplete?: string;
  emailAutoComplete: string;
  passwordHint: string;
}) {
  const nameId = `${idPrefix}-name`;
  const emailId = `${idPrefix}-email`;
  const passwordId = `${idPrefix}-password`;
  return (
    <>
      <label htmlFor={nameId}>Name</label>
      <input
        id={nameId}
        name="name"
        autoComplete={nameAutoComplete}
        required
        maxLength={200}
        {...fieldAria(nameId, errors.name)}
      />
      <FieldError id={`${nameId}-error`} message={errors.name} />

      <label htmlFor={emailId}>Email</label>
      <input
        id={emailId}
        name="email"
        type="email"
        autoComplete={emailAutoComplete}
        required
        {...fieldAria(emailId, errors.email)}
      />
      <FieldError id={`${emailId}-error`} message={errors.email} />

      <label htmlFor={passwordId}>Password</label>
      <input
        id={passwordId}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        {...fieldAria(passwordId, errors.password, `${passwordId}-hint`)}
      />
      <FieldError id={`${passwordId}-error`} message={errors.password} />
      <small id={`${passwordId}-hint`}>{passwordHint}</small>
    </>
  );
}
