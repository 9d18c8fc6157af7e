import Link from 'next/link';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The link to another page of the same list, filters kept. */
  hrefFor: (page: number) => string;
  label: string;
}

/** Previous / next links under a list, with where the reader is in it. */
export function Pagination({ page, pageSize, total, hrefFor, label }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? <Link href={hrefFor(page - 1)}>← Previous</Link> : <span aria-hidden="true" />}
      <span>
        Page {Math.min(page, pages)} of {pages}
      </span>
      {page < pages ? <Link href={hrefFor(page + 1)}>Next →</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
