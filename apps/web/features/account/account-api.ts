import type { Api, User } from '@eventhub/client';
import { apiErrorOf } from '../../lib/api-problem';

/**
 * The account life cycle around `api.auth.*`: verifying the e-mail address, resetting a forgotten
 * password, changing the password or the address. Requests that send mail answer 202 whatever
 * the address, so they resolve to nothing.
 */

async function accepted(pending: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await pending;
  if (!response.ok) throw apiErrorOf(response, error);
}

/** Mails the signed-in user a fresh verification link (valid 24 h). */
export function requestVerificationEmail(client: Api): Promise<void> {
  return accepted(client.raw.POST('/api/auth/verify-email/request'));
}

/** Spends a verification link's token; the user, now verified. */
export async function verifyEmail(client: Api, token: string): Promise<User> {
  const { data, error, response } = await client.raw.POST('/api/auth/verify-email', { body: { token } });
  if (!response.ok || !data) throw apiErrorOf(response, error);
  return data;
}

/** Mails a reset link to the address if it has an account (the answer never says). */
export function requestPasswordReset(client: Api, email: string): Promise<void> {
  return accepted(client.raw.POST('/api/auth/password-reset/request', { body: { email } }));
}

/** Sets a new password with a reset link's token; every session of the account ends. */
export function resetPassword(client: Api, token: string, password: string): Promise<void> {
  return accepted(client.raw.POST('/api/auth/password-reset', { body: { token, password } }));
}

/** Changes the signed-in user's password; their other sessions end. */
export function changePassword(client: Api, currentPassword: string, newPassword: string): Promise<void> {
  return accepted(client.raw.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
}

/**
 * Asks to move the account to `newEmail`: a link goes to that address, and the account keeps its
 * present one until the link is used (on /verify-email, like a verification link).
 */
export function requestEmailChange(client: Api, newEmail: string, currentPassword: string): Promise<void> {
  return accepted(client.raw.POST('/api/auth/email', { body: { newEmail, currentPassword } }));
}
