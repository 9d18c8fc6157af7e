import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FOLLOW_UP_MS,
  refundChangesVersion,
  subscribeRefundChanges,
} from '../../features/refunds/refund-changes';
import { retryRefund } from '../../features/refunds/retry-refund';
import { json, recordingApi, refundEntry } from './fixtures';

// The list and the badge each reload when told refunds changed; this stands in for both.
let reloads = 0;
let unsubscribe: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  reloads = 0;
  unsubscribe = subscribeRefundChanges(() => {
    reloads += 1;
  });
});

afterEach(() => {
  unsubscribe();
  vi.useRealTimers();
});

describe('Retry now', () => {
  it('posts the retry, says the money is on its way, and reloads the list and badge now and once paid', async () => {
    const failed = refundEntry();
    const { api, requests } = recordingApi(() =>
      json({ ...failed, status: 'pending', attempts: 0, nextAttemptAt: '2026-12-02T12:00:00.000Z' }),
    );
    const before = refundChangesVersion();

    const outcome = await retryRefund((id) => api.admin.refunds.retry(id), failed);

    expect(requests).toEqual(['POST /api/refunds/rf_1/retry']);
    expect(outcome).toMatchObject({
      ok: true,
      refund: { id: 'rf_1', status: 'pending' },
      message: 'Retrying now: €59.50 goes back to Ada Lovelace within moments.',
    });
    expect(reloads).toBe(1);
    expect(refundChangesVersion()).toBe(before + 1);

    // The job pays it within moments: the views look again to show it paid back.
    vi.advanceTimersByTime(FOLLOW_UP_MS);
    expect(reloads).toBe(2);
  });

  it('an organizer retries through the same route', async () => {
    const { api, requests } = recordingApi(() => json({ ...refundEntry(), status: 'pending' }));
    await retryRefund((id) => api.organizer.refunds.retry(id), refundEntry({ id: 'rf_9' }));
    expect(requests).toEqual(['POST /api/refunds/rf_9/retry']);
  });

  it('a refund someone else retried already (409) says so and reloads the stale list', async () => {
    const { api } = recordingApi(() =>
      json(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'refund_not_retryable',
          detail: 'The refund is pending; only a failed refund can be retried',
        },
        409,
      ),
    );

    const outcome = await retryRefund((id) => api.admin.refunds.retry(id), refundEntry());

    expect(outcome).toEqual({
      ok: false,
      message:
        'This refund is not waiting for a retry any more: someone retried it already, or it was paid back. The list now shows where it stands.',
    });
    expect(reloads).toBe(1);
    vi.advanceTimersByTime(FOLLOW_UP_MS);
    expect(reloads).toBe(1);
  });

  it('a refund no longer visible (404) says so', async () => {
    const { api } = recordingApi(() =>
      json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' }, 404),
    );
    const outcome = await retryRefund((id) => api.organizer.refunds.retry(id), refundEntry());
    expect(outcome).toEqual({
      ok: false,
      message: 'This refund is no longer visible to you. The list now shows where things stand.',
    });
  });

  it('an unreachable API says to try again and leaves the list as it is', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api } = recordingApi(() => Promise.reject(new TypeError('fetch failed')));
    const outcome = await retryRefund((id) => api.admin.refunds.retry(id), refundEntry());
    expect(outcome).toEqual({
      ok: false,
      message: 'Could not reach EventHub. Check your connection and try again.',
    });
    expect(reloads).toBe(0);
  });
});
