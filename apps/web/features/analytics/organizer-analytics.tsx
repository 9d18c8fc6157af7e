'use client';

import type { Event, OrganizerAnalytics } from '@eventhub/client';
import Link from 'next/link';
import { useCallback } from 'react';
import { topRows } from './analytics-charts';
import { organizerEventsCsv } from './analytics-exports';
import { formatCount, formatPercent, plural } from './analytics-format';
import { describeDateRange, rangeQuery } from './analytics-range';
import { BreakdownChart } from './breakdown-chart';
import { CsvDownload } from './csv-download';
import { CurrencySalesChart } from './currency-sales-chart';
import { DateRangePicker } from './date-range-picker';
import { FiguresTable } from './figures-table';
import { KpiTiles, type Kpi } from './kpi-tiles';
import { LiveIndicator } from './live-indicator';
import { MoneyByCurrency } from './money-by-currency';
import { useDateRange } from './use-date-range';
import { useLiveAnalytics } from './use-live-analytics';
import { EventStatusBadge } from '@/components/event-status-badge';
import { FormAlert } from '@/components/form-alert';
import { formatMoney } from '@/lib/event-format';

// The events chart shows the best sellers; the table below lists every event.
const CHART_EVENTS = 8;

type Revenue = OrganizerAnalytics['totals']['revenue'];

function amounts(revenue: Revenue, field: 'net' | 'gross' | 'discounts' | 'refunds') {
  return revenue.map((r) => ({ currency: r.currency, amount: r[field] }));
}

/** Totals of sales across events: per currency for money, plain counts for the rest. */
export function salesKpis(totals: OrganizerAnalytics['totals'], extra: Kpi[] = []): Kpi[] {
  const revenue = totals.revenue;
  return [
    {
      id: 'net-revenue',
      label: 'Net revenue',
      value: <MoneyByCurrency amounts={amounts(revenue, 'net')} />,
      detail: revenue.length > 1 ? 'per currency, never added up' : 'after discounts and refunds',
    },
    {
      id: 'tickets-sold',
      label: 'Tickets sold',
      value: formatCount(totals.ticketsSold),
      detail: plural(totals.orders, 'order', 'orders'),
    },
    {
      id: 'check-in-rate',
      label: 'Checked in',
      value: formatPercent(totals.checkInRate),
      detail: `${formatCount(totals.checkIns)} of ${formatCount(totals.ticketsSold)} tickets`,
    },
    ...extra,
    {
      id: 'gross',
      label: 'Gross',
      value: <MoneyByCurrency amounts={amounts(revenue, 'gross')} />,
      minor: true,
    },
    {
      id: 'discounts',
      label: 'Discounts',
      value: <MoneyByCurrency amounts={amounts(revenue, 'discounts')} />,
      minor: true,
    },
    {
      id: 'refunds',
      label: 'Refunds',
      value: <MoneyByCurrency amounts={amounts(revenue, 'refunds')} />,
      minor: true,
    },
  ];
}

function OrganizerFigures({ analytics: a, period }: { analytics: OrganizerAnalytics; period: string }) {
  const best = topRows(a.events, (e) => e.ticketsSold, CHART_EVENTS);
  const sold = best.rows.filter((e) => e.ticketsSold > 0);
  return (
    <>
      <KpiTiles
        label="Key figures"
        items={salesKpis(a.totals, [
          { id: 'events', label: 'Events', value: formatCount(a.totals.events), detail: 'drafts included' },
        ])}
      />

      <section aria-labelledby="org-sales-heading">
        <h2 id="org-sales-heading">Sales over time</h2>
        <CurrencySalesChart points={a.salesOverTime} granularity={a.granularity} period={period} />
      </section>

      <section aria-labelledby="org-events-heading">
        <h2 id="org-events-heading">Events</h2>
        {sold.length > 0 ? (
          <BreakdownChart
            testId="events-chart"
            rows={sold.map((e) => ({ key: e.eventId, label: e.name, value: e.ticketsSold }))}
            valueName="Tickets sold"
            categoryName="Event"
            format={formatCount}
            caption={`Tickets sold by event, ${period.toLowerCase()}${
              best.rest ? `; the best ${best.rows.length} of ${a.events.length} events` : ''
            }.`}
          />
        ) : null}
        {a.events.length === 0 ? (
          <p>
            No events yet. <Link href="/organizer/events/new">Create your first one.</Link>
          </p>
        ) : (
          <FiguresTable
            label="Events"
            columns={['Event', 'Status', 'Tickets sold', 'Remaining now', 'Net revenue', 'Checked in']}
          >
            {a.events.map((e) => (
              <tr key={e.eventId} data-testid={`event-row-${e.eventId}`}>
                <th scope="row">
                  <Link href={`/organizer/events/${e.eventId}/analytics`}>{e.name}</Link>
                </th>
                <td>
                  <EventStatusBadge status={e.status as Event['status']} />
                </td>
                <td>{formatCount(e.ticketsSold)}</td>
                <td>
                  {formatCount(e.capacity.remaining)} <small>of {formatCount(e.capacity.total)}</small>
                </td>
                <td>{formatMoney(e.revenue.net, e.currency)}</td>
                <td>{formatPercent(e.checkIns.rate)}</td>
              </tr>
            ))}
          </FiguresTable>
        )}
      </section>
    </>
  );
}

/** The organizer's figures across all their events, kept up to date by the live stream. */
export function OrganizerAnalyticsDashboard() {
  const { range, setRange } = useDateRange();
  // Across events, whose zones differ, days are the reader's own.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const query = rangeQuery(range, timeZone, Date.now());
  const anyEvent = useCallback(() => true, []);
  const figures = useLiveAnalytics(
    (client) => client.analytics.organizer(query),
    JSON.stringify(query),
    anyEvent,
  );
  return (
    <>
      <p>
        <Link href="/organizer">← My events</Link>
      </p>
      <h1>Sales across your events</h1>
      <LiveIndicator status={figures.live} updatedAt={figures.updatedAt} />
      <DateRangePicker
        idPrefix="organizer-range"
        value={range}
        onChange={setRange}
        timeZone={timeZone}
        timeZoneNote="your time zone"
      />
      <FormAlert message={figures.error} />
      {figures.data ? (
        <div aria-busy={figures.loading || undefined} data-testid="organizer-analytics">
          <OrganizerFigures analytics={figures.data} period={describeDateRange(range)} />
        </div>
      ) : figures.error ? null : (
        <p aria-busy="true">Loading figures…</p>
      )}
      <section aria-labelledby="org-downloads-heading">
        <h2 id="org-downloads-heading">Downloads</h2>
        <div className="csv-downloads">
          <CsvDownload
            label="Events"
            filename="events.csv"
            load={(client) => organizerEventsCsv(client, query)}
          />
        </div>
      </section>
    </>
  );
}
