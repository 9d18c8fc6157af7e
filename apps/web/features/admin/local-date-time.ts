/**
 * A datetime-local input gives "2025-05-01T18:30" in the reader's own time zone; the API wants
 * an ISO 8601 instant. Returns undefined for an empty or unreadable value.
 */
export function localInputToIso(value: string | null): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
