'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { parsePage } from './page-number';
import { queryHref } from './query-href';

/**
 * Reads a list page's filters and page number from the URL, where they live so results can be
 * shared: each named filter comes back trimmed, or '' when absent.
 */
export function useListQuery<F extends string>(filters: readonly F[]) {
  const params = useSearchParams();
  const pathname = usePathname();
  const values = Object.fromEntries(filters.map((f) => [f, params.get(f)?.trim() ?? ''])) as Record<
    F,
    string
  >;
  const page = parsePage(params.get('page'));
  return {
    params,
    pathname,
    values,
    page,
    /** The link to another page of the same list, filters kept. */
    hrefFor: (p: number) => queryHref(pathname, params, { page: p }),
  };
}

/**
 * Keeps a filter form's uncontrolled inputs and selects in line with `values` (field name to
 * value) when the URL changes, e.g. on the back button. Returns the ref to put on the form.
 */
export function useSyncedFilterForm(values: Record<string, string>) {
  const formRef = useRef<HTMLFormElement>(null);
  const valuesKey = JSON.stringify(values);
  useEffect(() => {
    const current = JSON.parse(valuesKey) as Record<string, string>;
    for (const [name, value] of Object.entries(current)) {
      const field = formRef.current?.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    }
  }, [valuesKey]);
  return formRef;
}
