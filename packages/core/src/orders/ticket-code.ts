import { randomBytes } from 'node:crypto';

/** An unguessable, unique, URL-safe ticket code (128 random bits). The check-in issue signs codes. */
export function newTicketCode(): string {
  return randomBytes(16).toString('base64url');
}
