'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { queryHref } from '../../lib/query-href';
import { dateRangeParams, parseDateRange, type DateRange } from './analytics-range';

/**
 * A dashboard's date range, kept in the URL like a list's filters so a view can be shared and the
 * back button goes back to the last range. Changing it replaces the history entry's query string.
 */
export function useDateRange() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const range = parseDateRange(params);
  const setParams = useCallback(
    (changes: Record<string, string | undefined>) =>
      router.replace(queryHref(pathname, new URLSearchParams(params), changes), { scroll: false }),
    [router, pathname, params],
  );
  const setRange = useCallback((next: DateRange) => setParams(dateRangeParams(next)), [setParams]);
  return { range, setRange, params, setParams };
}
