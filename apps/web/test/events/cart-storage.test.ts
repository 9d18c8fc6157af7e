import { describe, expect, it } from 'vitest';
import {
  clearCart,
  EMPTY_CART,
  loadCart,
  saveCart,
  type SavedCart,
} from '../../features/events/cart-storage';
import type { KeyValueStore } from '../../lib/session-store';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const cart: SavedCart = {
  quantities: { std: 2, vip: 1 },
  promoCode: 'SAVE10',
  attendees: { 'vip:1': { name: 'Alex', email: 'alex@example.com', ageRange: '25-34', country: 'DE' } },
  answers: { 'order|q1': true, 'vip:1|q2': 'Vegan', 'vip:1|q3': ['Fri', 'Sat'] },
  guest: { name: 'Gina Guest', email: 'gina@example.com' },
  billing: {
    name: 'Gina Guest',
    company: 'Acme GmbH',
    address: { line1: 'Hauptstr. 1', line2: '', postalCode: '10115', city: 'Berlin', country: 'DE' },
    vatId: 'DE136695976',
  },
};

describe('the kept ticket selection', () => {
  it('comes back as it was saved, per event', () => {
    const store = memoryStore();
    saveCart(store, 'e1', cart);
    expect(loadCart(store, 'e1')).toEqual(cart);
    expect(loadCart(store, 'e2')).toEqual(EMPTY_CART);
  });

  it('keeps billing details started for an invoice, and none when not asked for', () => {
    const store = memoryStore();
    saveCart(store, 'e1', { ...EMPTY_CART, billing: cart.billing });
    expect(loadCart(store, 'e1').billing).toEqual(cart.billing);
    store.setItem('eventhub.cart.e1', JSON.stringify({ quantities: { a: 1 }, billing: 'yes' }));
    expect(loadCart(store, 'e1').billing).toBeNull();
  });

  it('drops tiers chosen zero times, and removes an empty cart instead of keeping it', () => {
    const store = memoryStore();
    saveCart(store, 'e1', { ...EMPTY_CART, quantities: { std: 0, vip: 3 } });
    expect(loadCart(store, 'e1').quantities).toEqual({ vip: 3 });
    saveCart(store, 'e1', { ...EMPTY_CART, quantities: { vip: 0 } });
    expect(store.data.size).toBe(0);
  });

  it('is forgotten once its order is placed', () => {
    const store = memoryStore();
    saveCart(store, 'e1', cart);
    clearCart(store, 'e1');
    expect(loadCart(store, 'e1')).toEqual(EMPTY_CART);
  });

  it('reads corrupt or tampered entries as nothing, or keeps only their sound parts', () => {
    const store = memoryStore();
    store.setItem('eventhub.cart.e1', '{not json');
    expect(loadCart(store, 'e1')).toEqual(EMPTY_CART);
    store.setItem('eventhub.cart.e1', JSON.stringify([1, 2]));
    expect(loadCart(store, 'e1')).toEqual(EMPTY_CART);
    store.setItem(
      'eventhub.cart.e1',
      JSON.stringify({
        quantities: { a: 2, b: -1, c: 1.5, d: '3', e: 5000 },
        promoCode: 42,
        attendees: { 'a:1': { name: 'Ok', email: 7, ageRange: 'ancient', country: 'germany' }, 'a:2': 'x' },
        answers: {
          'order|q1': 'ok',
          'order|q2': { evil: 1 },
          nokey: 'x',
          'a:1|q3': ['a', 3, 'b'],
          'a:1|q4': 12,
        },
        guest: 'me',
        billing: {
          name: 'Gina',
          company: 9,
          address: { line1: 'Main St 1', country: 'germany' },
          vatId: ['x'],
        },
      }),
    );
    expect(loadCart(store, 'e1')).toEqual({
      quantities: { a: 2 },
      promoCode: '',
      attendees: { 'a:1': { name: 'Ok', email: '', ageRange: '', country: '' } },
      answers: { 'order|q1': 'ok', 'a:1|q3': ['a', 'b'] },
      guest: null,
      billing: {
        name: 'Gina',
        company: '',
        address: { line1: 'Main St 1', line2: '', postalCode: '', city: '', country: '' },
        vatId: '',
      },
    });
  });

  it('works without storage: a store that throws is a store that forgets', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveCart(broken, 'e1', cart)).not.toThrow();
    expect(loadCart(broken, 'e1')).toEqual(EMPTY_CART);
    expect(() => clearCart(broken, 'e1')).not.toThrow();
  });
});
