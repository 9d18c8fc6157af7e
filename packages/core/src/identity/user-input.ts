import { isValidEmail } from '../shared/email-address';
import { ValidationError, type FieldError } from '../shared/errors';

/** Field checks shared by every use case that creates a user; the API schema checks the same first. */
export function validateNewUser(input: { email: string; name: string }): void {
  const errors: FieldError[] = [];
  if (!isValidEmail(input.email)) errors.push({ field: 'email', message: 'must be a valid e-mail address' });
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100)
    errors.push({ field: 'name', message: 'must be 1 to 100 characters' });
  if (errors.length) throw new ValidationError(errors);
}

/** Unique violations on both engines, for races that slip past the existence check. */
