'use client';

import type { PlatformAnalytics } from '@eventhub/client';
import Link from 'next/link';
import { useCallback } from 'react';
import { formatCount, plural } from './analytics-format';
import { describeDateRange, rangeQuery } from './analytics-range';
import { BreakdownChart } from './breakdown-chart';
import { CurrencySalesChart } from './currency-sales-chart';
import { DateRangePicker } from './date-range-picker';
import { FiguresTable } from './figures-table';
import { KpiTiles } from './kpi-tiles';
import { LiveIndicator } from './live-indicator';
import { MoneyByCurrency } from './money-by-currency';
import { salesKpis } from './organizer-analytics';
import { useDateRange } from './use-date-range';
import { useLiveAnalytics } from './use-live-analytics';
import { FormAlert } from '@/components/form-alert';
import { formatMoney } from '@/lib/event-format';
import { ROLE_LABELS, parseRole } from '@/lib/roles';
import { useApiData } from '@/lib/use-api-data';

// The organizer drop-down lists this many; an organizer beyond them can still be chosen from the table.
const ORGANIZER_OPTIONS = 100;

function OrganizerFilter({ value, onChange }: { value: string; onChange: (organizerId: string) => void }) {
  const organizers = useApiData(
    (client) => client.admin.users.list({ role: 'organizer', pageSize: ORGANIZER_OPTIONS }),
    'organizers',
  );
  const items = organizers.data?.items ?? [];
  const known = items.some((u) => u.id === value);
  return (
    <div className="organizer-filter">
      <label htmlFor="platform-organizer">Organizer</label>
      <select
        id="platform-organizer"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-busy={organizers.loading || undefined}
      >
        <option value="">All organizers</option>
        {value && !known ? <option value={value}>Organizer {value}</option> : null}
        {items.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </option>
        ))}
      </select>
    </div>
  );
}

function PlatformFigures({
  analytics: a,
  period,
  onOrganizer,
}: {
  analytics: PlatformAnalytics;
  period: string;
  onOrganizer: (organizerId: string) => void;
}) {
  const roles = a.newUsers.byRole.map((r) => {
    const role = parseRole(r.role);
    return { key: r.role, label: role ? ROLE_LABELS[role] : r.role, value: r.count };
  });
  return (
    <>
      <KpiTiles
        label="Key figures"
        items={salesKpis(a.totals, [
          { id: 'events', label: 'Events', value: formatCount(a.totals.events) },
          { id: 'organizers', label: 'Organizers', value: formatCount(a.totals.organizers) },
          {
            id: 'new-users',
            label: 'New users',
            value: formatCount(a.newUsers.total),
            detail: 'signed up in the period',
          },
        ])}
      />

      <section aria-labelledby="platform-sales-heading">
        <h2 id="platform-sales-heading">Sales over time</h2>
        <CurrencySalesChart points={a.salesOverTime} granularity={a.granularity} period={period} />
      </section>

      <section aria-labelledby="new-users-heading">
        <h2 id="new-users-heading">New users by role</h2>
        {a.newUsers.total === 0 ? (
          <p>No one signed up in this period.</p>
        ) : (
          <BreakdownChart
            testId="new-users-chart"
            rows={roles}
            valueName="New users"
            categoryName="Role"
            format={formatCount}
            caption={`${plural(a.newUsers.total, 'new user', 'new users')}, ${period.toLowerCase()}.`}
          />
        )}
      </section>

      <section aria-labelledby="top-events-heading">
        <h2 id="top-events-heading">Top events</h2>
        {a.topEvents.length === 0 ? (
          <p>No tickets sold in this period.</p>
        ) : (
          <FiguresTable label="Top events" columns={['Event', 'Organizer', 'Tickets sold', 'Net revenue']}>
            {a.topEvents.map((e) => (
              <tr key={e.eventId} data-testid="top-event-row">
                <th scope="row">
                  <Link href={`/organizer/events/${e.eventId}/analytics`}>{e.name}</Link>
                </th>
                <td>{e.organizerName}</td>
                <td>{formatCount(e.ticketsSold)}</td>
                <td>{formatMoney(e.net, e.currency)}</td>
              </tr>
            ))}
          </FiguresTable>
        )}
      </section>

      <section aria-labelledby="by-organizer-heading">
        <h2 id="by-organizer-heading">By organizer</h2>
        {a.byOrganizer.length === 0 ? (
          <p>No organizers yet.</p>
        ) : (
          <FiguresTable
            label="Organizers"
            columns={[
              'Organizer',
              'Events',
              'Orders',
              'Tickets sold',
              'Net revenue',
              <span className="visually-hidden">Filter</span>,
            ]}
          >
            {a.byOrganizer.map((o) => (
              <tr key={o.organizerId} data-testid="organizer-row">
                <th scope="row">
                  {o.name}
                  <br />
                  <small>{o.email}</small>
                </th>
                <td>{formatCount(o.events)}</td>
                <td>{formatCount(o.orders)}</td>
                <td>{formatCount(o.ticketsSold)}</td>
                <td>
                  <MoneyByCurrency
                    amounts={o.revenue.map((r) => ({ currency: r.currency, amount: r.net }))}
                  />
                </td>
                <td>
                  {a.organizerId === o.organizerId ? null : (
                    <button type="button" className="link-button" onClick={() => onOrganizer(o.organizerId)}>
                      Only {o.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </FiguresTable>
        )}
      </section>
    </>
  );
}

/** The platform's figures for admins: totals, new users, organizers and top events, live. */
export function PlatformAnalyticsDashboard() {
  const { range, setRange, params, setParams } = useDateRange();
  const organizerId = params.get('organizer')?.trim() ?? '';
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const query = { ...rangeQuery(range, timeZone, Date.now()), ...(organizerId ? { organizerId } : {}) };
  const anyEvent = useCallback(() => true, []);
  const figures = useLiveAnalytics(
    (client) => client.admin.analytics.get(query),
    JSON.stringify(query),
    anyEvent,
  );
  const chooseOrganizer = (id: string) => setParams({ organizer: id || undefined });
  return (
    <>
      <p>
        <Link href="/admin">← Admin</Link>
      </p>
      <h1>Platform analytics</h1>
      <LiveIndicator status={figures.live} updatedAt={figures.updatedAt} />
      <DateRangePicker
        idPrefix="platform-range"
        value={range}
        onChange={setRange}
        timeZone={timeZone}
        timeZoneNote="your time zone"
      />
      <OrganizerFilter value={organizerId} onChange={chooseOrganizer} />
      <FormAlert message={figures.error} />
      {figures.data ? (
        <div aria-busy={figures.loading || undefined} data-testid="platform-analytics">
          <PlatformFigures
            analytics={figures.data}
            period={describeDateRange(range)}
            onOrganizer={chooseOrganizer}
          />
        </div>
      ) : figures.error ? null : (
        <p aria-busy="true">Loading figures…</p>
      )}
    </>
  );
}
