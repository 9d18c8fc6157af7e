import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RequireRole } from '@/features/auth/require-role';
import { OwedRefunds } from '@/features/refunds/owed-refunds';

export const metadata: Metadata = { title: 'Refunds owed' };

export default function AdminRefundsPage() {
  return (
    <RequireRole roles={['admin']}>
      <h1>Refunds owed</h1>
      {/* OwedRefunds reads the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <OwedRefunds scope="admin" />
      </Suspense>
    </RequireRole>
  );
}
