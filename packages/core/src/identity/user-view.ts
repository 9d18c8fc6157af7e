import type { Role, UserRow } from '../db/schema';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizerId: string | null;
  disabled: boolean;
  /** The user proved the address is theirs (a verification link was used). */
  emailVerified: boolean;
  createdAt: string;
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizerId: row.organizer_id,
    disabled: row.disabled === 1,
    emailVerified: row.email_verified_at !== null,
    createdAt: row.created_at,
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
