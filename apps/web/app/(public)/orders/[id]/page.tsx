import type { Metadata } from 'next';
import { OrderAccessGate } from '@/features/orders/order-access';
import { OrderDetails } from '@/features/orders/order-details';

// The address carries the order's token: keep it out of search engines and other sites' logs.
export const metadata: Metadata = {
  title: 'Your order',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * An order reached by its link (`?token=`, as e-mailed to a guest buyer) or with the token this
 * tab kept at checkout; without either, its signed-in buyer after logging in.
 */
export default async function LinkedOrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { token } = await searchParams;
  return (
    <OrderAccessGate orderId={id} linkToken={typeof token === 'string' ? token : undefined}>
      <OrderDetails orderId={id} />
    </OrderAccessGate>
  );
}
