'use client';

import { useState } from 'react';
import { errorMessage } from './error-message';

/** One row's action: whether it is running, and the error or notice it ended with. */
export function useRowAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** Runs `action`, which resolves to the notice to show; `onFailure` sees the reason first. */
  async function run(action: () => Promise<string>, onFailure?: (reason: unknown) => void) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (reason) {
      onFailure?.(reason);
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, notice, run };
}
