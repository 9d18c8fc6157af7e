import type { Metadata } from 'next';
import { Checkout } from '@/features/checkout/checkout';
import { OrderAccessGate } from '@/features/orders/order-access';

// The order's token may be in the address: never send it on to another site.
export const metadata: Metadata = { title: 'Checkout', referrer: 'no-referrer' };

type Props = {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Paying a held order: the buyer's, signed in, or a guest's with the order's token. */
export default async function CheckoutPage({ params, searchParams }: Props) {
  const { orderId } = await params;
  const { token } = await searchParams;
  return (
    <OrderAccessGate orderId={orderId} linkToken={typeof token === 'string' ? token : undefined}>
      <div className="checkout">
        <Checkout orderId={orderId} />
      </div>
    </OrderAccessGate>
  );
}
