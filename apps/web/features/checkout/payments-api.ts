import type { Api } from '@eventhub/client';
import { apiErrorOf } from '../../lib/api-problem';

export interface PaymentsConfig {
  provider: 'test' | 'stripe';
  publishableKey: string | null;
}

/** Which provider checkout uses, and Stripe's publishable key when it is Stripe (public). */
export async function paymentsConfig(client: Api): Promise<PaymentsConfig> {
  const { data, error, response } = await client.raw.GET('/api/payments/config');
  if (!response.ok || !data) throw apiErrorOf(response, error);
  return data;
}
