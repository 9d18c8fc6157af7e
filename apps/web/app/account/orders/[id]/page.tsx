import type { Metadata } from 'next';
import { OrderPage } from '@/features/orders/order-page';

// E-mailed links may carry the order's token: never send it on to another site.
export const metadata: Metadata = { title: 'Order', referrer: 'no-referrer' };

export default OrderPage;
