/**
 * Tells every refunds view on the page (the list and the navigation badge) that refunds changed,
 * so they load again. A retried refund is paid by the background job "within moments" of the
 * retry, so the views are told once more a little later to show it paid back.
 */

/** How long after a retry the views look again, by which the job has usually paid it. */
export const FOLLOW_UP_MS = 5_000;

let version = 0;
const listeners = new Set<() => void>();

export function subscribeRefundChanges(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Goes up by one with every change: a key that makes the views load again. */
export function refundChangesVersion(): number {
  return version;
}

function notify() {
  version += 1;
  for (const listener of listeners) listener();
}

/**
 * Refunds changed: reload now. After an accepted retry (`followUp`), once more a little later,
 * when the job has had time to pay it back.
 */
export function announceRefundChanges({ followUp = false }: { followUp?: boolean } = {}): void {
  notify();
  if (followUp) setTimeout(notify, FOLLOW_UP_MS);
}
