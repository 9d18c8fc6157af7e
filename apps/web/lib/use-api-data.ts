'use client';

import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Api } from '@eventhub/client';
import { useAuth } from './auth-context';

export interface ApiData<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the loaded data locally, e.g. with a row the server just returned. */
  setData: (update: (current: T | null) => T | null) => void;
}

/** How a call reaches the API: as the signed-in user (`authed`), or with an order's own token. */
export type ApiCall = <T>(call: (client: Api) => Promise<T>) => Promise<T>;

/**
 * Loads data as the signed-in user (or through `via`, which must be stable) and reloads it
 * whenever `key` changes (the key stands for every input of `load`, so callers need not keep
 * `load` itself stable).
 */
export function useApiData<T>(load: (client: Api) => Promise<T>, key: string, via?: ApiCall): ApiData<T> {
  const { authed: asUser } = useAuth();
  const authed = via ?? asUser;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // Ignore answers to requests whose inputs have changed since, so a slow old page never wins.
    let current = true;
    setLoading(true);
    authed(load).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        if (!(reason instanceof ApiError)) console.error(reason);
        setError(reason instanceof ApiError ? reason.message : 'Could not reach EventHub. Try again.');
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `load` is deliberately left out: `key` names everything it depends on.
  }, [key, attempt, authed]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
