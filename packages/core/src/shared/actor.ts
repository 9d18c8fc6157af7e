import type { Role } from '../db/schema';
import { ForbiddenError } from './errors';

/** Who is acting: resolved from a verified access token, passed explicitly into every use case. */
export interface Actor {
  userId: string;
  role: Role;
  /** For door staff, the organizer they work for; for organizers, their own id. */
  organizerId: string | null;
  sessionId: string;
}

/** Where a request came from, for the audit trail. */
export interface RequestMeta {
  ip: string | null;
  userAgent?: string | null;
}

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError();
}
