'use client';

import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/error-message';

/**
 * An editor list item edited in place and removable: whether its form is open (closing it gives
 * the focus back to its Edit button), its save notice, and its removal's progress and error.
 */
export function useEditableItem() {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editRef.current?.focus();
    }
  }, [editing]);

  function startEditing() {
    setNotice(null);
    setEditing(true);
  }

  function stopEditing() {
    returnFocus.current = true;
    setEditing(false);
  }

  /**
   * Saves the form's `changes` with `update` (no changes: only closes the form); `saved` takes
   * the saved item in and names the notice. Throws the API's error for the form to show.
   */
  async function save<T>(changes: object, update: () => Promise<T>, saved: (item: T) => string) {
    if (Object.keys(changes).length === 0) {
      stopEditing();
      return;
    }
    const item = await update();
    setNotice(saved(item));
    stopEditing();
  }

  /** Runs the removal; it stays busy on success, as the item leaves the list. */
  async function remove(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (reason) {
      setError(errorMessage(reason));
      setBusy(false);
    }
  }

  return { editing, startEditing, stopEditing, editRef, busy, error, notice, save, remove };
}
