import type { Metadata } from 'next';
import { RequireRole } from '@/features/auth/require-role';
import { OrderDetails } from '@/features/orders/order-details';

export const metadata: Metadata = { title: 'Order' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireRole>
      <OrderDetails orderId={id} />
    </RequireRole>
  );
}
