import type { ReactNode } from 'react';
import { FormAlert } from './form-alert';
import { Pagination } from './pagination';
import type { ApiData } from '@/lib/use-api-data';

interface PageOf<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * The frame around one page of a loaded list: its error, a "N found" status line, the items
 * (rendered by `children` only when there are some) and the pagination links.
 */
export function PagedList<T>({
  list,
  noun,
  pagesLabel,
  hrefFor,
  children,
}: {
  list: ApiData<PageOf<T>>;
  /** Singular and plural, e.g. ['user', 'users']. */
  noun: readonly [string, string];
  pagesLabel: string;
  hrefFor: (page: number) => string;
  children: (items: T[]) => ReactNode;
}) {
  const data = list.data;
  return (
    <>
      <FormAlert message={list.error} />
      <p role="status">
        {data
          ? `${data.total} ${data.total === 1 ? noun[0] : noun[1]} found.`
          : list.loading
            ? 'Loading…'
            : ''}
      </p>

      {data && data.items.length > 0 ? children(data.items) : null}

      {data ? (
        <Pagination
          label={pagesLabel}
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          hrefFor={hrefFor}
        />
      ) : null}
    </>
  );
}
