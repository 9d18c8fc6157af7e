import type { Metadata } from 'next';
import { OrderDetails } from '@/components/order-details';
import { RequireRole } from '@/components/require-role';

export const metadata: Metadata = { title: 'Order' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireRole>
      <OrderDetails orderId={id} />
    </RequireRole>
  );
}
