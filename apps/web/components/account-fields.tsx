import { LabeledInput, NewPasswordInput, PASSWORD_HINT } from './labeled-input';

/** The name, email and password inputs of a new account, with their errors and password hint. */
export function AccountFields({
  idPrefix,
  errors,
  nameAutoComplete,
  emailAutoComplete,
  passwordHint = PASSWORD_HINT,
}: {
  /** Prefix of the input ids, e.g. 'signup' gives 'signup-name'. */
  idPrefix: string;
  errors: { name?: string; email?: string; password?: string };
  nameAutoComplete?: string;
  emailAutoComplete: string;
  passwordHint?: string;
}) {
  return (
    <>
      <LabeledInput
        id={`${idPrefix}-name`}
        label="Name"
        error={errors.name}
        name="name"
        autoComplete={nameAutoComplete}
        required
        maxLength={200}
      />
      <LabeledInput
        id={`${idPrefix}-email`}
        label="Email"
        error={errors.email}
        name="email"
        type="email"
        autoComplete={emailAutoComplete}
        required
      />
      <NewPasswordInput
        id={`${idPrefix}-password`}
        label="Password"
        error={errors.password}
        hint={passwordHint}
      />
    </>
  );
}
