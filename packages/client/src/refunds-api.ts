import type { Client } from 'openapi-fetch';
import type { paths } from './generated/schema';
import type { RefundListQuery } from './types';
import { unwrap } from './unwrap';

/** `api.admin.refunds.*` and `api.organizer.refunds.*`: refunds owed to buyers, and retrying one. */
export function refundsApi(client: Client<paths>, scope: 'admin' | 'organizer') {
  return {
    /** By default the refunds still owed (`status: 'owed'`), the longest owed first. */
    list: (query: RefundListQuery = {}) =>
      unwrap(
        scope === 'admin'
          ? client.GET('/api/admin/refunds', { params: { query } })
          : client.GET('/api/organizer/refunds', { params: { query } }),
      ),
    /** The badge: `{ owed, failed }`. */
    owedCount: () =>
      unwrap(
        scope === 'admin'
          ? client.GET('/api/admin/refunds/owed-count')
          : client.GET('/api/organizer/refunds/owed-count'),
      ),
    /** A `failed` refund back to the job, due now (409 `refund_not_retryable` otherwise). */
    retry: (refundId: string) =>
      unwrap(client.POST('/api/refunds/{refundId}/retry', { params: { path: { refundId } } })),
  };
}
