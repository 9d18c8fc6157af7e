'use client';

import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../../lib/auth-context';
import { currentAccessToken, getSessionState, refreshSession } from '../../lib/session';
import { debounce, followLiveChanges, type LiveStatus } from './live-changes';

// Changes come in bursts (a checkout touches an event several times); reload once per burst.
const RELOAD_DEBOUNCE_MS = 300;

function openLiveStream(signal: AbortSignal): Promise<Response> {
  const token = currentAccessToken();
  return fetch('/api/analytics/live', {
    headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    cache: 'no-store',
    credentials: 'same-origin',
    signal,
  });
}

async function refreshForStream(): Promise<boolean> {
  // A refresh that failed because the server is unreachable leaves the session signed in: the
  // stream then keeps retrying with its backoff instead of giving up.
  return (await refreshSession()) || getSessionState().status === 'signed-in';
}

/**
 * Follows the signed-in organizer's (or admin's) live change stream while the component is shown
 * and calls `onChange` — debounced — for every change `matches` accepts, and after a reconnect
 * (changes may have been missed). No polling: nothing is loaded while nothing changes.
 */
export function useLiveChanges(matches: (eventId: string) => boolean, onChange: () => void): LiveStatus {
  const { session } = useAuth();
  const userId = session.status === 'signed-in' ? session.user.id : null;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // The latest callbacks, without reconnecting whenever the caller renders.
  const latest = useRef({ matches, onChange });
  latest.current = { matches, onChange };

  useEffect(() => {
    if (!userId) {
      setStatus('off');
      return;
    }
    const controller = new AbortController();
    const reload = debounce(() => latest.current.onChange(), RELOAD_DEBOUNCE_MS);
    void followLiveChanges({
      open: openLiveStream,
      refresh: refreshForStream,
      onChange: (eventId) => {
        if (latest.current.matches(eventId)) reload.trigger();
      },
      onReconnect: reload.trigger,
      onStatus: setStatus,
      signal: controller.signal,
    });
    return () => {
      controller.abort();
      reload.cancel();
    };
  }, [userId]);

  return status;
}
