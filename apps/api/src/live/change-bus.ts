/**
 * Called with the id of an event whose availability, capacity or check-ins may have changed, or
 * with null when changes may have been missed (a transport reconnected): look at everything again.
 */
export type ChangeListener = (eventId: string | null) => void;

/**
 * How the API processes tell each other that an event changed: the write paths publish, the live
 * streams listen. A notice carries only the event id; listeners read the current state themselves,
 * so a lost or repeated notice costs at most one extra read.
 */
export interface ChangeBus {
  /** Synchronous and cheap: safe on the hottest paths (orders, door scans). */
  publish(eventId: string): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** Delivers to this process's listeners; what one process needs (SQLite), and part of any other bus. */
export class LocalChangeBus implements ChangeBus {
  private readonly listeners = new Set<ChangeListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  publish(eventId: string | null): void {
    for (const listener of this.listeners) {
      // A failing listener must not fail the write that published.
      try {
        listener(eventId);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
