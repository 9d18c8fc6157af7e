'use client';

import { useCallback, useEffect, useState } from 'react';
import { clearCart, EMPTY_CART, loadCart, saveCart, type SavedCart } from './cart-storage';
import { sessionStore } from '@/lib/session-store';

/** `?checkout=guest`: the login page's "continue as guest" link back to the event. */
function guestAsked(): boolean {
  return new URLSearchParams(window.location.search).get('checkout') === 'guest';
}

/**
 * The ticket selector's cart, restored from this tab's sessionStorage after the page loads (the
 * server renders it empty) and kept there on every change, until `forget` once the order is placed.
 */
export function useSavedCart(eventId: string) {
  const [cart, setCart] = useState<SavedCart>(EMPTY_CART);
  // Saving waits for the restore, or the empty first render would overwrite what was kept.
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const store = sessionStore();
    const saved = store ? loadCart(store, eventId) : EMPTY_CART;
    setCart(guestAsked() && !saved.guest ? { ...saved, guest: { name: '', email: '' } } : saved);
    setRestored(true);
  }, [eventId]);

  useEffect(() => {
    const store = sessionStore();
    if (restored && store) saveCart(store, eventId, cart);
  }, [cart, eventId, restored]);

  const update = useCallback((change: (current: SavedCart) => SavedCart) => setCart(change), []);
  const forget = useCallback(() => {
    const store = sessionStore();
    if (store) clearCart(store, eventId);
  }, [eventId]);

  return { cart, update, forget };
}
