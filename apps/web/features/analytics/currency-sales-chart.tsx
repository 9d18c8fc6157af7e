'use client';

import { Bar, BarChart, YAxis } from 'recharts';
import { pivotCurrencySales, type CurrencySalesPoint } from './analytics-charts';
import { bucketLabel, formatCompactMoney, plural, type Granularity } from './analytics-format';
import { BUCKET_BAR, BucketChart } from './bucket-chart';
import { CHART_COLORS, ChartFigure } from './chart-figure';
import { formatMoney } from '@/lib/event-format';
import { sumMoney } from '@/lib/money';

const HEIGHT = 240;

/**
 * Net revenue per UTC day or hour across many events: one chart per currency, since amounts of
 * different currencies are never added or drawn on one axis.
 */
export function CurrencySalesChart({
  points,
  granularity,
  period,
}: {
  points: readonly CurrencySalesPoint[];
  granularity: Granularity;
  period: string;
}) {
  const { currencies, rows } = pivotCurrencySales(points, granularity);
  if (currencies.length === 0) {
    return <p data-testid="sales-chart-empty">No sales in this period ({period.toLowerCase()}).</p>;
  }
  const unit = granularity === 'day' ? 'day' : 'hour';
  return (
    <>
      {currencies.map((currency) => {
        const money = (n: number) => formatMoney(n, currency);
        const total = sumMoney(
          rows.map((r) => ({ amount: r.revenue[currency] ?? 0 })),
          currency,
        );
        const orders = rows.reduce((n, r) => n + (r.orders[currency] ?? 0), 0);
        const data = rows.map((r) => ({ date: r.date, revenue: r.revenue[currency] ?? 0 }));
        return (
          <div key={currency} className="currency-chart">
            {currencies.length > 1 ? <h3 className="chart-title">In {currency}</h3> : null}
            <ChartFigure
              testId={`sales-chart-${currency}`}
              caption={`${money(total)} net revenue from ${plural(orders, 'order', 'orders')} in ${currency}, ${period.toLowerCase()}, per ${unit} (UTC).`}
              table={{
                caption: `Orders and net revenue in ${currency} per ${unit}`,
                columns: [granularity === 'day' ? 'Day' : 'Hour', 'Orders', 'Net revenue'],
                rows: rows.map((r) => [
                  bucketLabel(r.date, granularity, true),
                  r.orders[currency] ?? 0,
                  money(r.revenue[currency] ?? 0),
                ]),
              }}
            >
              <BucketChart
                chart={BarChart}
                data={data}
                granularity={granularity}
                height={HEIGHT}
                yAxes={<YAxis width={56} tickFormatter={(n: number) => formatCompactMoney(n, currency)} />}
                formatValue={money}
              >
                <Bar dataKey="revenue" name="Net revenue" fill={CHART_COLORS.primary} {...BUCKET_BAR} />
              </BucketChart>
            </ChartFigure>
          </div>
        );
      })}
    </>
  );
}
