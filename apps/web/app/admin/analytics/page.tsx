import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PlatformAnalyticsDashboard } from '@/features/analytics/platform-analytics';
import { RequireRole } from '@/features/auth/require-role';

export const metadata: Metadata = { title: 'Platform analytics' };

export default function AdminAnalyticsPage() {
  return (
    <RequireRole roles={['admin']}>
      {/* The period and organizer live in the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <div className="dashboard">
          <PlatformAnalyticsDashboard />
        </div>
      </Suspense>
    </RequireRole>
  );
}
