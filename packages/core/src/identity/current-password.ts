import type { UserRow } from '../db/schema';
import { ValidationError } from '../shared/errors';
import { verifyPassword } from './password-hashing';

/**
 * A signed-in user confirms a sensitive change with their current password. A wrong one is 400
 * `invalid_credentials` naming the field, not 401: the caller's session is fine, and a 401 would
 * send clients to refresh their token and try again.
 */
export async function assertCurrentPassword(user: UserRow, password: string): Promise<void> {
  if (await verifyPassword(user.password_hash, password)) return;
  throw new ValidationError([{ field: 'currentPassword', message: 'is wrong' }], 'invalid_credentials');
}
