import type { Metadata } from 'next';
import { RequireRole } from '@/features/auth/require-role';
import { Checkout } from '@/features/checkout/checkout';

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
