import type { Metadata } from 'next';
import { Checkout } from '@/components/checkout';
import { RequireRole } from '@/components/require-role';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  return (
    <RequireRole>
      <div className="checkout">
        <Checkout orderId={orderId} />
      </div>
    </RequireRole>
  );
}
