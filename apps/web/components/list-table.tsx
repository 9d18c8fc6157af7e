import type { ReactNode } from 'react';

/** A list's table in a labelled, keyboard-scrollable region. */
export function ListTable({
  label,
  busy,
  className,
  children,
}: {
  label: string;
  busy: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} aria-busy={busy} tabIndex={0}>
      <table className={className}>{children}</table>
    </div>
  );
}
