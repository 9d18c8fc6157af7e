import { uuidv7 } from 'uuidv7';

/** Opaque, time-ordered ids (UUIDv7): sortable, and leak no volume the way a counter would. */
export function newId(): string {
  return uuidv7();
}
