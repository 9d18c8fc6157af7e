import type { CheckinKeys } from '@eventhub/client';
import { describe, expect, it, vi } from 'vitest';
import {
  deviceId,
  loadOfflineEvent,
  loadQueue,
  saveOfflineEvent,
  saveQueue,
  type KeyValueStore,
} from '../../features/door/checkin-storage';

function memoryStore(): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const keys: CheckinKeys = {
  eventId: 'e1',
  eventName: 'Door Night',
  eventStatus: 'published',
  startsAt: '2025-02-01T19:00:00.000Z',
  timezone: 'Europe/Berlin',
  keys: [
    {
      keyId: 'abcdef',
      algorithm: 'Ed25519',
      publicKey: 'x'.repeat(43),
      createdAt: '2025-01-01T00:00:00.000Z',
      retiredAt: null,
    },
  ],
  voidTicketIds: ['t9'],
  revokedCodes: [],
  stats: { checkedIn: 3, sold: 10 },
  generatedAt: '2025-06-14T19:00:00.000Z',
};

describe('scanner storage', () => {
  it('makes a device id once and keeps it', () => {
    const store = memoryStore();
    const generate = vi.fn(() => 'f0e1d2c3');
    expect(deviceId(store, generate)).toBe('web-f0e1d2c3');
    expect(deviceId(store, generate)).toBe('web-f0e1d2c3');
    expect(generate).toHaveBeenCalledTimes(1);
  });

  it("keeps an event's keys, admissions and time zone", () => {
    const store = memoryStore();
    saveOfflineEvent(store, {
      keys,
      admitted: { t1: '2025-06-14T19:01:00.000Z' },
      timezone: 'Europe/Berlin',
    });
    expect(loadOfflineEvent(store, 'e1')).toEqual({
      keys,
      admitted: { t1: '2025-06-14T19:01:00.000Z' },
      timezone: 'Europe/Berlin',
    });
    expect(loadOfflineEvent(store, 'e2')).toBeNull();
  });

  it('keeps the queue and ignores entries it cannot read', () => {
    const store = memoryStore();
    const queued = { eventId: 'e1', code: 'c', scannedAt: '2025-06-14T19:01:00.000Z', nonce: 'n1234567' };
    saveQueue(store, [queued]);
    expect(loadQueue(store)).toEqual([queued]);
    store.setItem('eventhub.scanner.queue', JSON.stringify([queued, { eventId: 'e1' }, 'junk']));
    expect(loadQueue(store)).toEqual([queued]);
  });

  it('reads nothing from corrupt or foreign data, and survives a store that throws', () => {
    const store = memoryStore();
    store.setItem('eventhub.scanner.queue', '{not json');
    store.setItem('eventhub.scanner.event.e1', JSON.stringify({ keys: { eventId: 'e1' } }));
    expect(loadQueue(store)).toEqual([]);
    expect(loadOfflineEvent(store, 'e1')).toBeNull();

    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(loadQueue(broken)).toEqual([]);
    expect(() => saveQueue(broken, [])).not.toThrow();
    expect(deviceId(broken, () => 'abc')).toBe('web-abc');
    vi.restoreAllMocks();
  });
});
