export interface PollOptions {
  intervalMs: number;
  /** How many times `load` is called at most before giving up. */
  maxAttempts: number;
  signal?: AbortSignal;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Calls `load` every `intervalMs` (waiting before the first call too) until `isDone` accepts its
 * answer, which it resolves to; null after `maxAttempts` calls or once `signal` aborts. A failed
 * call counts as an attempt and is retried: a dropped request must not end the wait.
 */
export async function pollUntil<T>(
  load: () => Promise<T>,
  isDone: (value: T) => boolean,
  { intervalMs, maxAttempts, signal }: PollOptions,
): Promise<T | null> {
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    await sleep(intervalMs, signal);
    if (signal?.aborted) return null;
    try {
      const value = await load();
      if (signal?.aborted) return null;
      if (isDone(value)) return value;
    } catch (error) {
      console.warn('Polling failed; trying again', error);
    }
  }
  return null;
}
