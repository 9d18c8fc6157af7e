/**
 * The API sets the script-visible `eventhub_signed_in` cookie beside the httpOnly refresh cookie
 * and clears it with it (apps/api/src/routes/auth.ts). Script cannot see the refresh cookie, so
 * this is how a page knows there is a session to restore without asking the API: a visitor who
 * never signed in is not sent to /api/auth/refresh for a 401.
 */
export const SESSION_HINT_COOKIE = 'eventhub_signed_in';

/** Whether a `document.cookie` string holds the hint. */
export function hasSessionHint(cookies: string): boolean {
  return cookies.split(';').some((pair) => pair.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
}
