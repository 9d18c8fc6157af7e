import { describe, expect, it } from 'vitest';
import { isOrderToken, orderTokenFor, storedOrderToken } from '../../features/orders/order-token';
import type { KeyValueStore } from '../../lib/session-store';

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const TOKEN = 'Vq3k9J2mX8pQ-rT5wY1zA_b4cD6eF7gH';

describe('an order token', () => {
  it('from a link is used and kept for the same order in this tab', () => {
    const store = memoryStore();
    expect(orderTokenFor(store, 'o1', TOKEN)).toBe(TOKEN);
    expect(orderTokenFor(store, 'o1', undefined)).toBe(TOKEN);
    expect(storedOrderToken(store, 'o2')).toBeNull();
  });

  it("from a link wins over one kept earlier (a newer link, another buyer's tab)", () => {
    const store = memoryStore();
    orderTokenFor(store, 'o1', TOKEN);
    const newer = `${TOKEN}x`;
    expect(orderTokenFor(store, 'o1', newer)).toBe(newer);
    expect(storedOrderToken(store, 'o1')).toBe(newer);
  });

  it('is only what looks like one: no markup, no spaces, not too short or long', () => {
    expect(isOrderToken(TOKEN)).toBe(true);
    for (const bad of [
      '',
      'short',
      `${TOKEN}<script>`,
      'a b c d e f g h i j k l',
      'x'.repeat(300),
      ['x'],
      42,
    ]) {
      expect(isOrderToken(bad)).toBe(false);
    }
    const store = memoryStore();
    expect(orderTokenFor(store, 'o1', 'short')).toBeNull();
  });

  it('is none without storage', () => {
    expect(orderTokenFor(null, 'o1', undefined)).toBeNull();
    expect(orderTokenFor(null, 'o1', TOKEN)).toBe(TOKEN);
  });
});
