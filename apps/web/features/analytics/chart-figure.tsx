import type { ReactNode } from 'react';

/**
 * Series colours, chosen to read on Pico's light and dark backgrounds alike and to stay apart for
 * the common kinds of colour blindness (blue / orange / grey / teal).
 */
export const CHART_COLORS = {
  primary: '#2f7ed8',
  secondary: '#e8833a',
  muted: '#8a94a6',
  accent: '#1f9e89',
} as const;

export const CHART_TOOLTIP_STYLE = {
  backgroundColor: 'var(--pico-card-background-color)',
  border: '1px solid var(--pico-muted-border-color)',
  borderRadius: 'var(--pico-border-radius)',
  color: 'var(--pico-color)',
};

export interface ChartTable {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly ReactNode[])[];
}

/**
 * A chart with what it shows in words: the caption summarises it for everyone, and the data table
 * beside it (visually hidden) is what a screen reader reads instead of the picture.
 */
export function ChartFigure({
  caption,
  table,
  testId,
  children,
}: {
  caption: ReactNode;
  table: ChartTable;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <figure className="chart" data-testid={testId}>
      <div className="chart-canvas" aria-hidden="true">
        {children}
      </div>
      <figcaption className="chart-caption">{caption}</figcaption>
      {/* Hidden by its wrapper: a table ignores the 1 px box and would widen the page. */}
      <div className="visually-hidden">
        <table data-testid={testId ? `${testId}-table` : undefined}>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
