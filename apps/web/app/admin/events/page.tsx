import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EventsAdmin } from '@/features/admin/events-admin';
import { RequireRole } from '@/features/auth/require-role';

export const metadata: Metadata = { title: 'Events' };

export default function AdminEventsPage() {
  return (
    <RequireRole roles={['admin']}>
      <h1>Events</h1>
      {/* EventsAdmin reads the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <EventsAdmin />
      </Suspense>
    </RequireRole>
  );
}
