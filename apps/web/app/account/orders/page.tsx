import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { RequireRole } from '@/features/auth/require-role';
import { MyOrders } from '@/features/orders/my-orders';

export const metadata: Metadata = { title: 'Your orders' };

export default function MyOrdersPage() {
  return (
    <RequireRole>
      <p>
        <Link href="/account">← Your account</Link>
      </p>
      <h1>Your orders</h1>
      {/* MyOrders reads ?page, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <MyOrders />
      </Suspense>
    </RequireRole>
  );
}
