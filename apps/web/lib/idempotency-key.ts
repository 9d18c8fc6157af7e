import { ApiError } from '@eventhub/client';

/**
 * A random UUID (v4) for an Idempotency-Key. `crypto.randomUUID` exists only in secure contexts;
 * `getRandomValues` everywhere, so plain-HTTP test hosts work too.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Whether the server gave a definite answer. The API stores every 2xx and 4xx answer under its
 * key and replays it, so after one the next submit is a new attempt with a new key. Without an
 * answer (network failure, 5xx, or the first request still running) the outcome is unknown and a
 * retry must send the same key, so the order is placed at most once.
 */
export function isDefiniteAnswer(error: unknown): boolean {
  return error instanceof ApiError && error.status < 500 && error.code !== 'idempotency_key_in_progress';
}

/**
 * The Idempotency-Key of one checkout (or refund) attempt. The same request sent again after an
 * unanswered try reuses the key; a changed request, or any request after a definite answer, gets
 * a fresh one (the API refuses a key reused with another body).
 */
export class AttemptKey {
  private open: { key: string; request: string } | null = null;

  constructor(private readonly generate: () => string = newIdempotencyKey) {}

  /** The key for sending `request` now. */
  keyFor(request: unknown): string {
    const fingerprint = JSON.stringify(request);
    if (this.open?.request !== fingerprint) this.open = { key: this.generate(), request: fingerprint };
    return this.open.key;
  }

  /** Call with the outcome of the request: success (no error) or the error it threw. */
  settle(error?: unknown): void {
    if (error === undefined || isDefiniteAnswer(error)) this.open = null;
  }
}
