'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactNode } from 'react';
import { CHART_COLORS, CHART_TOOLTIP_STYLE, ChartFigure } from './chart-figure';

export interface BreakdownRow {
  key: string;
  label: string;
  value: number;
}

const ROW_HEIGHT = 36;
// Category labels beside the bars are cut to this many characters; the table and tooltip keep them whole.
const LABEL_CHARS = 16;

function shorten(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

/** One figure per category as horizontal bars: ticket tiers, age ranges, countries, events. */
export function BreakdownChart({
  rows,
  valueName,
  format,
  formatTick,
  caption,
  categoryName,
  color = CHART_COLORS.primary,
  testId,
}: {
  rows: readonly BreakdownRow[];
  /** What a bar measures: "Tickets", "Net revenue". */
  valueName: string;
  format: (value: number) => string;
  formatTick?: (value: number) => string;
  caption: ReactNode;
  categoryName: string;
  color?: string;
  testId?: string;
}) {
  const height = Math.max(2, rows.length) * ROW_HEIGHT + 40;
  return (
    <ChartFigure
      testId={testId}
      caption={caption}
      table={{
        caption: `${valueName} by ${categoryName.toLowerCase()}`,
        columns: [categoryName, valueName],
        rows: rows.map((r) => [r.label, format(r.value)]),
      }}
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={rows.map((r) => ({ ...r, tick: shorten(r.label) }))}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickFormatter={formatTick ?? format} />
          <YAxis type="category" dataKey="tick" width={112} interval={0} />
          <Tooltip
            contentStyle={CHART_TOOLTIP_STYLE}
            labelFormatter={(_, payload) => (payload?.[0]?.payload as BreakdownRow | undefined)?.label ?? ''}
            formatter={(value) => format(Number(value))}
          />
          <Bar
            dataKey="value"
            name={valueName}
            fill={color}
            radius={[0, 3, 3, 0]}
            maxBarSize={28}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
