import { OrderAccessGate } from './order-access';
import { OrderDetails } from './order-details';

export type OrderPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * An order reached by its link (`?token=`, as e-mailed), with the token this tab kept at
 * checkout, or by its signed-in buyer: the body of both order routes.
 */
export async function OrderPage({ params, searchParams }: OrderPageProps) {
  const { id } = await params;
  const { token } = await searchParams;
  return (
    <OrderAccessGate orderId={id} linkToken={typeof token === 'string' ? token : undefined}>
      <OrderDetails orderId={id} />
    </OrderAccessGate>
  );
}
