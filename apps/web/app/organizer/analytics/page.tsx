import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OrganizerAnalyticsDashboard } from '@/features/analytics/organizer-analytics';
import { RequireRole } from '@/features/auth/require-role';

export const metadata: Metadata = { title: 'Sales' };

export default function OrganizerAnalyticsPage() {
  return (
    // Admins see every organizer's figures on the platform page instead.
    <RequireRole roles={['organizer']}>
      {/* The period lives in the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <div className="dashboard">
          <OrganizerAnalyticsDashboard />
        </div>
      </Suspense>
    </RequireRole>
  );
}
