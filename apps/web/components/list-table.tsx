import type { ReactNode } from 'react';

/**
 * A list's table in a labelled, keyboard-scrollable region. `stacked`: on a phone each row
 * becomes a card of "label: value" lines, read from each cell's `data-label` (globals.css).
 */
export function ListTable({
  label,
  busy,
  className,
  stacked = false,
  children,
}: {
  label: string;
  busy: boolean;
  className?: string;
  stacked?: boolean;
  children: ReactNode;
}) {
  const classes = [className, stacked ? 'stacked-table' : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="table-scroll" role="region" aria-label={label} aria-busy={busy} tabIndex={0}>
      <table className={classes}>{children}</table>
    </div>
  );
}
