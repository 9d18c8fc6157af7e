import type { Metadata } from 'next';
import { OrderAccessGate } from '@/features/orders/order-access';
import { OrderDetails } from '@/features/orders/order-details';

// E-mailed links may carry the order's token: never send it on to another site.
export const metadata: Metadata = { title: 'Order', referrer: 'no-referrer' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One order of the signed-in user's, or of whoever follows its e-mailed link (`?token=`). */
export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { token } = await searchParams;
  return (
    <OrderAccessGate orderId={id} linkToken={typeof token === 'string' ? token : undefined}>
      <OrderDetails orderId={id} />
    </OrderAccessGate>
  );
}
