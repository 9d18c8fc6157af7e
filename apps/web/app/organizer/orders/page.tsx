import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RequireRole } from '@/features/auth/require-role';
import { OrganizerOrders } from '@/features/organizer/organizer-orders';

export const metadata: Metadata = { title: 'Orders' };

/** Admins have every order at /admin/orders (the organizer routes are organizers' own). */
export default function OrganizerOrdersPage() {
  return (
    <RequireRole roles={['organizer']}>
      <h1>Orders</h1>
      {/* OrganizerOrders reads the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <OrganizerOrders />
      </Suspense>
    </RequireRole>
  );
}
