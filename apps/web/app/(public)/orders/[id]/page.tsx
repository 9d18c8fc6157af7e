import type { Metadata } from 'next';
import { OrderPage } from '@/features/orders/order-page';

// The address carries the order's token: keep it out of search engines and other sites' logs.
export const metadata: Metadata = {
  title: 'Your order',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

export default OrderPage;
