// Deliberately plain: one @, no spaces, a dot in the domain. The API's schema checks the format
// too; the real proof of an address is a mail reaching it.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The one shape check of an e-mail address (accounts, buyers, holders, answers): a@b.c, at most 254 characters. */
export function isValidEmail(email: string): boolean {
  return EMAIL.test(email.trim()) && email.length <= 254;
}
