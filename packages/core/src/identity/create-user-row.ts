import type { Tx } from '../db/database';
import type { Role, UserRow } from '../db/schema';
import type { Clock } from '../shared/clock';
import { ConflictError } from '../shared/errors';
import { newId } from '../shared/ids';
import { isUniqueViolation } from '../db/unique-violation';
import { normalizeEmail } from './user-view';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  organizerId?: string | null;
}

/** Inserts a user; an e-mail already taken (even by a concurrent insert) is 409 `email_taken`. */
export async function createUserRow(tx: Tx, clock: Clock, user: NewUser): Promise<UserRow> {
  const email = normalizeEmail(user.email);
  const existing = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new ConflictError('email_taken', 'An account with this e-mail already exists');
  const now = clock.now().toISOString();
  const row: UserRow = {
    id: newId(),
    email,
    name: user.name.trim(),
    password_hash: user.passwordHash,
    role: user.role,
    organizer_id: user.organizerId ?? null,
    disabled: 0,
    email_verified_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await tx.insertInto('users').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError('email_taken', 'An account with this e-mail already exists');
    throw error;
  }
  return row;
}
