import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OrdersAdmin } from '@/features/admin/orders-admin';
import { RequireRole } from '@/features/auth/require-role';

export const metadata: Metadata = { title: 'Orders' };

export default function AdminOrdersPage() {
  return (
    <RequireRole roles={['admin']}>
      <h1>Orders</h1>
      {/* OrdersAdmin reads the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <OrdersAdmin />
      </Suspense>
    </RequireRole>
  );
}
