/**
 * What a live hub decided, as it decides it: a flush that read an event and sent (or did not send)
 * it, a timer that fired. Nothing in the API listens; a test awaits the signal that proves the
 * server chose to send nothing, instead of waiting for time to pass and hoping it would have seen.
 */
export class LiveSignals<T> {
  private readonly listeners = new Set<(signal: T) => void>();

  /** Returns the unsubscribe function. */
  listen(listener: (signal: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(signal: T): void {
    for (const listener of this.listeners) listener(signal);
  }
}
