'use client';

import type { EventAnalytics } from '@eventhub/client';
import Link from 'next/link';
import { useCallback } from 'react';
import { eventCsv, EVENT_EXPORT_LABELS, type EventExport } from './analytics-exports';
import { formatCompactMoney, formatCount, formatPercent, plural } from './analytics-format';
import { describeDateRange, rangeQuery, type RangeQuery } from './analytics-range';
import { AttendeeBreakdown } from './attendee-breakdown';
import { BreakdownChart } from './breakdown-chart';
import { CapacityGauge } from './capacity-gauge';
import { CsvDownload } from './csv-download';
import { DateRangePicker } from './date-range-picker';
import { FiguresTable } from './figures-table';
import { KpiTiles, type Kpi } from './kpi-tiles';
import { LiveIndicator } from './live-indicator';
import { QuestionCharts } from './question-charts';
import { SalesOverTimeChart } from './sales-over-time-chart';
import { useDateRange } from './use-date-range';
import { useLiveAnalytics } from './use-live-analytics';
import { EventStatusBadge } from '@/components/event-status-badge';
import { FormAlert } from '@/components/form-alert';
import { formatMoney } from '@/lib/event-format';
import { useApiData } from '@/lib/use-api-data';

function eventKpis(a: EventAnalytics): Kpi[] {
  const money = (n: number) => formatMoney(n, a.currency);
  return [
    {
      id: 'net-revenue',
      label: 'Net revenue',
      value: money(a.revenue.net),
      detail: `${a.currency}, after discounts and refunds`,
    },
    {
      id: 'tickets-sold',
      label: 'Tickets sold',
      value: formatCount(a.ticketsSold),
      detail: plural(a.orders, 'order', 'orders'),
    },
    {
      id: 'remaining',
      label: 'Remaining now',
      value: formatCount(a.capacity.remaining),
      detail: `of ${formatCount(a.capacity.total)}${a.capacity.held > 0 ? `, ${formatCount(a.capacity.held)} held` : ''}`,
    },
    {
      id: 'check-in-rate',
      label: 'Checked in',
      value: formatPercent(a.checkIns.rate),
      detail: `${formatCount(a.checkIns.count)} of ${formatCount(a.ticketsSold)} tickets`,
    },
    { id: 'gross', label: 'Gross', value: money(a.revenue.gross), detail: 'at list price', minor: true },
    {
      id: 'discounts',
      label: 'Discounts',
      value: money(a.revenue.discounts),
      detail: 'promo codes',
      minor: true,
    },
    { id: 'refunds', label: 'Refunds', value: money(a.revenue.refunds), detail: 'paid back', minor: true },
  ];
}

const PRIVACY_NOTE =
  'Groups of fewer than 5 attendees are counted together as "Other", so no one can be singled out.';

/** Every figure of one event's analytics. */
function EventFigures({ analytics: a, period }: { analytics: EventAnalytics; period: string }) {
  const money = (n: number) => formatMoney(n, a.currency);
  const tierRows = a.byTicketType.map((t) => ({ key: t.ticketTypeId, label: t.name, value: t.revenue }));
  const topTier = [...a.byTicketType].sort((x, y) => y.revenue - x.revenue)[0];
  // An attendee who gave no age range is counted as "Not given", so the age buckets add up to everyone.
  const attendees = a.demographics.ageRange.reduce((n, b) => n + b.count, 0);
  return (
    <>
      <KpiTiles label="Key figures" items={eventKpis(a)} />

      <section aria-labelledby="sales-heading">
        <h2 id="sales-heading">Sales over time</h2>
        <SalesOverTimeChart
          points={a.salesOverTime}
          granularity={a.granularity}
          currency={a.currency}
          timezone={a.timezone}
          period={period}
        />
      </section>

      <section aria-labelledby="tiers-heading">
        <h2 id="tiers-heading">Revenue by ticket type</h2>
        {tierRows.length === 0 ? (
          <p>This event has no ticket types yet.</p>
        ) : (
          <>
            <BreakdownChart
              testId="tier-chart"
              rows={tierRows}
              valueName="Net revenue"
              categoryName="Ticket type"
              format={money}
              formatTick={(n) => formatCompactMoney(n, a.currency)}
              caption={
                topTier && topTier.revenue > 0
                  ? `${topTier.name} brought in the most: ${money(topTier.revenue)} of ${money(a.revenue.net)}.`
                  : 'No revenue from any ticket type in this period.'
              }
            />
            <FiguresTable
              label="Ticket types"
              columns={['Ticket type', 'Price', 'Sold', 'Refunded', 'Net revenue']}
            >
              {a.byTicketType.map((t) => (
                <tr key={t.ticketTypeId} data-testid="tier-row">
                  <th scope="row">{t.name}</th>
                  <td>{money(t.price)}</td>
                  <td>
                    {formatCount(t.sold)} <small>of {formatCount(t.limit)}</small>
                  </td>
                  <td>{formatCount(t.refunded)}</td>
                  <td>{money(t.revenue)}</td>
                </tr>
              ))}
            </FiguresTable>
          </>
        )}
      </section>

      <div className="dashboard-grid">
        <section aria-labelledby="capacity-heading">
          <h2 id="capacity-heading">Capacity now</h2>
          <CapacityGauge capacity={a.capacity} />
          <p className="tier-facts">Capacity is the present moment, whatever the period above.</p>
        </section>

        <section aria-labelledby="promos-heading">
          <h2 id="promos-heading">Promo codes</h2>
          {a.promotions.length === 0 ? (
            <p>This event has no promo codes.</p>
          ) : (
            <FiguresTable label="Promo codes" columns={['Code', 'Uses', 'Discount given']}>
              {a.promotions.map((p) => (
                <tr key={p.promotionId ?? `removed-${p.code}`} data-testid="promo-row">
                  <th scope="row">
                    <code>{p.code}</code>
                    {p.promotionId ? null : <small> (removed)</small>}
                  </th>
                  <td>{formatCount(p.uses)}</td>
                  <td>{money(p.discount)}</td>
                </tr>
              ))}
            </FiguresTable>
          )}
        </section>
      </div>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">Attendees</h2>
        <p className="tier-facts">{PRIVACY_NOTE}</p>
        {attendees === 0 ? (
          <p>No attendees in this period yet.</p>
        ) : (
          <div className="dashboard-pair">
            <AttendeeBreakdown dimension="ageRange" buckets={a.demographics.ageRange} attendees={attendees} />
            <AttendeeBreakdown dimension="country" buckets={a.demographics.country} attendees={attendees} />
          </div>
        )}
      </section>

      <QuestionCharts questions={a.questions} />
    </>
  );
}

const DOWNLOADS: readonly EventExport[] = [
  'orders',
  'attendees',
  'ticket-types',
  'sales-over-time',
  'demographics',
  'promotions',
];

function Downloads({ eventId, range }: { eventId: string; range: RangeQuery }) {
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Downloads</h2>
      <p className="tier-facts">
        Orders and attendees list everything sold; the other tables follow the period above.
      </p>
      <div className="csv-downloads">
        {DOWNLOADS.map((file) => (
          <CsvDownload
            key={file}
            label={EVENT_EXPORT_LABELS[file]}
            filename={`event-${eventId}-${file}.csv`}
            load={(client) => eventCsv(client, eventId, file, range)}
          />
        ))}
      </div>
    </section>
  );
}

/**
 * One event's dashboard for its organizer (or an admin): key figures, sales over time, tiers,
 * capacity, attendees, promo codes and the answers to its questions over a chosen period, kept
 * up to date by the live stream.
 */
export function EventAnalyticsDashboard({ eventId }: { eventId: string }) {
  const event = useApiData((client) => client.events.get(eventId), eventId);
  const { range, setRange } = useDateRange();
  const timezone = event.data?.timezone ?? null;
  // Days of the event's own time zone, the zone its sales chart is bucketed in.
  const query = timezone ? rangeQuery(range, timezone, Date.now()) : null;
  const matches = useCallback((changed: string) => changed === eventId, [eventId]);
  const figures = useLiveAnalytics(
    (client) => (query ? client.analytics.event(eventId, query) : Promise.resolve(null)),
    JSON.stringify([eventId, query]),
    matches,
  );

  const name = figures.data?.name ?? event.data?.name;
  return (
    <>
      <p>
        <Link href={`/organizer/events/${eventId}`}>← Edit event</Link>
      </p>
      <hgroup>
        <h1>{name ? `${name}: sales` : 'Event sales'}</h1>
        <p>
          {event.data ? <EventStatusBadge status={event.data.status} /> : null} Sales, capacity and attendees
        </p>
      </hgroup>
      <LiveIndicator status={figures.live} updatedAt={figures.updatedAt} />
      <FormAlert message={event.error ?? figures.error} />
      {timezone ? (
        <DateRangePicker
          idPrefix="event-range"
          value={range}
          onChange={setRange}
          timeZone={timezone}
          timeZoneNote="the event's time zone"
        />
      ) : null}
      {figures.data ? (
        <div aria-busy={figures.loading || undefined} data-testid="event-analytics">
          <EventFigures analytics={figures.data} period={describeDateRange(range)} />
        </div>
      ) : event.error || figures.error ? null : (
        <p aria-busy="true">Loading figures…</p>
      )}
      {figures.data && query ? <Downloads eventId={eventId} range={query} /> : null}
    </>
  );
}
