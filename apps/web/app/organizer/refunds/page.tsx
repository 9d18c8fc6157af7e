import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RequireRole } from '@/features/auth/require-role';
import { OwedRefunds } from '@/features/refunds/owed-refunds';

export const metadata: Metadata = { title: 'Refunds owed' };

/** Admins have every organizer's refunds at /admin/refunds (the organizer routes are organizers' own). */
export default function OrganizerRefundsPage() {
  return (
    <RequireRole roles={['organizer']}>
      <h1>Refunds owed</h1>
      {/* OwedRefunds reads the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <OwedRefunds scope="organizer" />
      </Suspense>
    </RequireRole>
  );
}
