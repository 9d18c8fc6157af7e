'use client';

import { Bar, ComposedChart, Line, YAxis } from 'recharts';
import { busiestBucket, salesTotals, type SalesPoint } from './analytics-charts';
import { bucketLabel, formatCompactMoney, plural, type Granularity } from './analytics-format';
import { BUCKET_BAR, BucketChart } from './bucket-chart';
import { CHART_COLORS, ChartFigure } from './chart-figure';
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
      <BucketChart
        chart={ComposedChart}
        data={points}
        granularity={granularity}
        height={HEIGHT}
        yAxes={
          <>
            <YAxis yAxisId="tickets" allowDecimals={false} width={36} />
            <YAxis
              yAxisId="revenue"
              orientation="right"
              width={56}
              tickFormatter={(n: number) => formatCompactMoney(n, currency)}
            />
          </>
        }
        formatValue={(value, name) =>
          name === 'Net revenue' ? money(value) : plural(value, 'ticket', 'tickets')
        }
      >
        <Bar yAxisId="tickets" dataKey="tickets" name="Tickets" fill={CHART_COLORS.primary} {...BUCKET_BAR} />
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
      </BucketChart>
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
