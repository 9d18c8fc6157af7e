'use client';

import {
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  type BarChart,
  type BarProps,
  type ComposedChart,
} from 'recharts';
import type { ReactNode } from 'react';
import { bucketLabel, bucketTick, type Granularity } from './analytics-format';
import { CHART_TOOLTIP_STYLE } from './chart-figure';

/** A point of the chart: its bucket's date, beside the values its series draw. */
export interface BucketDatum {
  date: string;
}

/** How a bucket's bar is drawn in every sales-over-time chart: rounded on top, never wider than 48 px. */
export const BUCKET_BAR: Pick<BarProps, 'radius' | 'maxBarSize' | 'isAnimationActive'> = {
  radius: [3, 3, 0, 0],
  maxBarSize: 48,
  // No grow-in animation: the figures refresh live, and each refresh would replay it.
  isAnimationActive: false,
};

/**
 * The frame every sales-over-time chart shares, so that they look and read alike: full width, one
 * bucket per day or hour along the x axis (each with a short label), a horizontal grid, and a tooltip
 * headed by the bucket's full date. The caller brings the y axes and the series it draws.
 */
export function BucketChart({
  chart: Chart,
  data,
  granularity,
  height,
  yAxes,
  formatValue,
  children,
}: {
  /** Recharts draws a BarChart's hover cursor as a band over the bucket, a ComposedChart's as a line. */
  chart: typeof BarChart | typeof ComposedChart;
  data: readonly BucketDatum[];
  granularity: Granularity;
  height: number;
  yAxes: ReactNode;
  /** A series' value in the tooltip, by the series' name. */
  formatValue: (value: number, name: string) => string;
  /** The series: bars, lines. */
  children: ReactNode;
}) {
  // Under the axis a bucket has its short label (its day, or its hour of day); the tooltip names it in full.
  const points = data.map((d) => ({ ...d, tick: bucketTick(d.date, granularity) }));
  // No accessibility layer: the picture is hidden from screen readers, who read the figure's data table.
  return (
    <ResponsiveContainer width="100%" height={height}>
      <Chart data={points} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="tick" minTickGap={16} tickMargin={6} />
        {yAxes}
        <Tooltip
          contentStyle={CHART_TOOLTIP_STYLE}
          labelFormatter={(_, payload) => {
            const date = (payload?.[0]?.payload as Partial<BucketDatum> | undefined)?.date;
            return date ? bucketLabel(date, granularity, true) : '';
          }}
          formatter={(value, name) => formatValue(Number(value), String(name))}
        />
        {children}
      </Chart>
    </ResponsiveContainer>
  );
}
