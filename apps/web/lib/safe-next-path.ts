/**
 * The `next` query parameter decides where the login page sends the user, so only accept a
 * path on this site: "//evil.example" or "/\evil.example" would leave the origin.
 */
export function safeNextPath(value: string | null, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
