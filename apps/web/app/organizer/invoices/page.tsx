import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { RequireRole } from '@/features/auth/require-role';
import { OrganizerInvoices } from '@/features/invoices/organizer-invoices';

export const metadata: Metadata = { title: 'Invoices' };

/** The organizer's own invoices and credit notes (an order's page shows them to admins). */
export default function OrganizerInvoicesPage() {
  return (
    <RequireRole roles={['organizer']}>
      <p>
        <Link href="/organizer">← Organizer</Link>
      </p>
      <div className="section-head">
        <h1>Invoices</h1>
        <Link href="/organizer/profile">Business profile</Link>
      </div>
      {/* OrganizerInvoices reads the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <OrganizerInvoices />
      </Suspense>
    </RequireRole>
  );
}
