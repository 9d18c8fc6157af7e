import type { CheckinKeys } from '@eventhub/client';
import type { DeviceAdmissions } from './offline-checkin';
import type { QueuedScan } from './scan-queue';

/**
 * What the scanner keeps in Web Storage so it works through a dropped connection and a reload:
 * its device id, each event's check-in keys with the admissions it has seen, and the queue of
 * offline scans. Storage may be full, disabled or hold something older: reads fall back to
 * nothing, writes fail quietly (the scanner still works online).
 */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const DEVICE_KEY = 'eventhub.scanner.device';
const QUEUE_KEY = 'eventhub.scanner.queue';
const eventKey = (eventId: string) => `eventhub.scanner.event.${eventId}`;

/** One event's data for checking codes offline. */
export interface OfflineEventData {
  keys: CheckinKeys;
  admitted: DeviceAdmissions;
  /** The event's time zone, for showing check-in times; absent until known. */
  timezone?: string;
}

function read(store: KeyValueStore, key: string): unknown {
  try {
    const text = store.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

function write(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  } catch (error) {
    console.warn(`Could not save ${key}`, error);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

/** This browser's scanner id (for the audit trail), made once and then kept. */
export function deviceId(store: KeyValueStore, generate: () => string): string {
  try {
    const known = store.getItem(DEVICE_KEY);
    if (known && known.length <= 64) return known;
  } catch {
    // Fall through: an id for this page load is still better than none.
  }
  const id = `web-${generate()}`.slice(0, 64);
  write(store, DEVICE_KEY, id);
  return id;
}

function isQueuedScan(value: unknown): value is QueuedScan {
  return (
    isObject(value) &&
    isString(value.eventId) &&
    isString(value.code) &&
    isString(value.scannedAt) &&
    isString(value.nonce)
  );
}

export function loadQueue(store: KeyValueStore): QueuedScan[] {
  const value = read(store, QUEUE_KEY);
  return Array.isArray(value) ? value.filter(isQueuedScan) : [];
}

export function saveQueue(store: KeyValueStore, queue: readonly QueuedScan[]): void {
  write(store, QUEUE_KEY, queue);
}

function isCheckinKeys(value: unknown): value is CheckinKeys {
  return (
    isObject(value) &&
    isString(value.eventId) &&
    isString(value.eventStatus) &&
    Array.isArray(value.keys) &&
    value.keys.every((k) => isObject(k) && isString(k.keyId) && isString(k.publicKey)) &&
    isStringArray(value.voidTicketIds) &&
    isStringArray(value.revokedCodes) &&
    isObject(value.stats) &&
    typeof value.stats.checkedIn === 'number' &&
    typeof value.stats.sold === 'number'
  );
}

export function loadOfflineEvent(store: KeyValueStore, eventId: string): OfflineEventData | null {
  const value = read(store, eventKey(eventId));
  if (!isObject(value) || !isCheckinKeys(value.keys) || value.keys.eventId !== eventId) return null;
  const admitted = isObject(value.admitted)
    ? Object.fromEntries(Object.entries(value.admitted).filter((entry) => isString(entry[1])))
    : {};
  return {
    keys: value.keys,
    admitted: admitted as DeviceAdmissions,
    ...(isString(value.timezone) ? { timezone: value.timezone } : {}),
  };
}

export function saveOfflineEvent(store: KeyValueStore, data: OfflineEventData): void {
  write(store, eventKey(data.keys.eventId), data);
}

const memory = new Map<string, string>();
const memoryStore: KeyValueStore = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
};

/** localStorage, or memory for this page load where the browser refuses it; looked up on each use. */
export const browserStore: KeyValueStore = {
  getItem: (key) => currentStore().getItem(key),
  setItem: (key, value) => currentStore().setItem(key, value),
};

function currentStore(): KeyValueStore {
  try {
    return window.localStorage ?? memoryStore;
  } catch {
    return memoryStore;
  }
}
