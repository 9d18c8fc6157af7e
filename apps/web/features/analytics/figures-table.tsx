import type { ReactNode } from 'react';
import { ListTable } from '@/components/list-table';

/**
 * A dashboard's table of figures: a labelled, scrollable region whose header row names the columns,
 * with the rows the caller brings. The figures are already loaded when it renders (the dashboard
 * marks itself busy while they refresh), so the table is never busy on its own.
 */
export function FiguresTable({
  label,
  columns,
  children,
}: {
  /** The region's accessible name: "Promo codes". */
  label: string;
  /** The header cells, in order; a node for a column named only to screen readers. */
  columns: readonly ReactNode[];
  /** The body's rows. */
  children: ReactNode;
}) {
  return (
    <ListTable label={label} busy={false} className="figures-table">
      <thead>
        <tr>
          {columns.map((column, i) => (
            // Columns are fixed per table, so their place is a stable key.
            <th key={i} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </ListTable>
  );
}
