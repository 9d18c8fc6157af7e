'use client';

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART_COLORS, CHART_TOOLTIP_STYLE, ChartFigure } from './chart-figure';
import { busiestBucket, salesTotals, type SalesPoint } from '@/lib/analytics-charts';
import {
  bucketLabel,
  bucketTick,
  formatCompactMoney,
  plural,
  type Granularity,
} from '@/lib/analytics-format';
import { formatMoney } from '@/lib/event-format';

const HEIGHT = 260;

/** One event's tickets (bars) and net revenue (line) per day or hour, in the event's time zone. */
export function SalesOverTimeChart({
  points,
  granularity,
  currency,
  timezone,
  period,
}: {
  points: readonly SalesPoint[];
  granularity: Granularity;
  currency: string;
  timezone: string;
  /** The range in words, for the summary: "Last 7 days". */
  period: string;
}) {
  const totals = salesTotals(points, currency);
  if (totals.tickets === 0 && totals.revenue === 0) {
    return <p data-testid="sales-chart-empty">No tickets sold in this period ({period.toLowerCase()}).</p>;
  }
  const busiest = busiestBucket(points);
  const unit = granularity === 'day' ? 'day' : 'hour';
  const money = (n: number) => formatMoney(n, currency);
  const data = points.map((p) => ({ ...p, tick: bucketTick(p.date, granularity) }));
  return (
    <ChartFigure
      testId="sales-chart"
      caption={
        <>
          {plural(totals.tickets, 'ticket', 'tickets')} and {money(totals.revenue)} net revenue,{' '}
          {period.toLowerCase()}, per {unit} ({timezone}).
          {busiest
            ? ` Busiest ${unit}: ${bucketLabel(busiest.date, granularity, true)} with ${plural(busiest.tickets, 'ticket', 'tickets')}.`
            : null}
        </>
      }
      table={{
        caption: `Tickets and net revenue per ${unit}`,
        columns: [granularity === 'day' ? 'Day' : 'Hour', 'Tickets', 'Net revenue'],
        rows: points.map((p) => [bucketLabel(p.date, granularity, true), p.tickets, money(p.revenue)]),
      }}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="tick" minTickGap={16} tickMargin={6} />
          <YAxis yAxisId="tickets" allowDecimals={false} width={36} />
          <YAxis
            yAxisId="revenue"
            orientation="right"
            width={56}
            tickFormatter={(n: number) => formatCompactMoney(n, currency)}
          />
          <Tooltip
            contentStyle={CHART_TOOLTIP_STYLE}
            labelFormatter={(_, payload) => {
              const date = (payload?.[0]?.payload as { date?: string } | undefined)?.date;
              return date ? bucketLabel(date, granularity, true) : '';
            }}
            formatter={(value, name) =>
              name === 'Net revenue' ? money(Number(value)) : plural(Number(value), 'ticket', 'tickets')
            }
          />
          <Bar
            yAxisId="tickets"
            dataKey="tickets"
            name="Tickets"
            fill={CHART_COLORS.primary}
            radius={[3, 3, 0, 0]}
            maxBarSize={48}
            isAnimationActive={false}
          />
          <Line
            yAxisId="revenue"
            dataKey="revenue"
            name="Net revenue"
            type="monotone"
            stroke={CHART_COLORS.secondary}
            strokeWidth={2}
            dot={points.length <= 31}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <ul className="chart-legend">
        <li>
          <span className="swatch" style={{ background: CHART_COLORS.primary }} /> Tickets (left axis)
        </li>
        <li>
          <span className="swatch swatch-line" style={{ background: CHART_COLORS.secondary }} /> Net revenue
          (right axis)
        </li>
      </ul>
    </ChartFigure>
  );
}
