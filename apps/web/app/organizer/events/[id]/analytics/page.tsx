import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EventAnalyticsDashboard } from '@/features/analytics/event-analytics';
import { RequireRole } from '@/features/auth/require-role';

export const metadata: Metadata = { title: 'Event sales' };

export default async function EventAnalyticsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireRole roles={['organizer', 'admin']}>
      {/* The period lives in the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <div className="dashboard">
          <EventAnalyticsDashboard eventId={id} />
        </div>
      </Suspense>
    </RequireRole>
  );
}
