import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RequireRole } from '@/features/auth/require-role';
import { EventOrders } from '@/features/organizer/event-orders';

export const metadata: Metadata = { title: 'Event orders' };

export default async function EventOrdersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireRole roles={['organizer', 'admin']}>
      {/* EventOrders reads the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <EventOrders eventId={id} />
      </Suspense>
    </RequireRole>
  );
}
