'use client';

import type { Api } from '@eventhub/client';
import { useEffect, useState } from 'react';
import { useApiData, type ApiData } from '../../lib/use-api-data';
import type { LiveStatus } from './live-changes';
import { useLiveChanges } from './use-live-changes';

export interface LiveAnalytics<T> extends ApiData<T> {
  live: LiveStatus;
  /** When the figures on screen were loaded (ms since the epoch), or null before the first load. */
  updatedAt: number | null;
}

/**
 * A dashboard's figures, loaded as the signed-in user and loaded again whenever the live stream
 * says that an event they cover changed (`matches`). `key` names every input of `load`.
 */
export function useLiveAnalytics<T>(
  load: (client: Api) => Promise<T>,
  key: string,
  matches: (eventId: string) => boolean,
): LiveAnalytics<T> {
  const figures = useApiData(load, key);
  const live = useLiveChanges(matches, figures.reload);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  useEffect(() => {
    if (figures.data) setUpdatedAt(Date.now());
  }, [figures.data]);
  return { ...figures, live, updatedAt };
}
