'use client';

import Link from 'next/link';
import { Suspense } from 'react';
import { MyEvents } from './my-events';
import { StaffSection } from './staff-section';
import { RefundsNavLink } from '@/features/refunds/refunds-nav-link';
import { useAuth } from '@/lib/auth-context';

/** The organizer portal's landing page; door staff are pointed to their scanner instead. */
export function OrganizerHome() {
  const { session } = useAuth();
  if (session.status !== 'signed-in') return null;

  if (session.user.role === 'staff') {
    return (
      <section>
        <h1>Scanner</h1>
        <p>Door staff check tickets in with the scanner.</p>
        <p>
          <Link href="/scanner" className="button-link">
            Open the scanner
          </Link>
        </p>
      </section>
    );
  }

  return (
    <>
      <div className="section-head">
        <h1>Organizer</h1>
        {/* Admins see every organizer's figures on the platform page instead. */}
        {session.user.role === 'organizer' ? (
          <Link href="/organizer/analytics">Sales across your events</Link>
        ) : (
          <Link href="/admin/analytics">Platform analytics</Link>
        )}
      </div>
      <p className="row-actions">
        {session.user.role === 'organizer' ? (
          <>
            <Link href="/organizer/orders">Orders across your events</Link>
            <Link href="/organizer/invoices">Invoices</Link>
            <Link href="/organizer/profile">Business profile</Link>
          </>
        ) : null}
        <RefundsNavLink />
      </p>
      {/* MyEvents reads ?page, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading events…</p>}>
        <MyEvents />
      </Suspense>
      {session.user.role === 'organizer' ? (
        <StaffSection />
      ) : (
        <section aria-labelledby="staff-heading">
          <h2 id="staff-heading">Door staff</h2>
          <p>Each organizer invites their own door staff from this page.</p>
        </section>
      )}
    </>
  );
}
