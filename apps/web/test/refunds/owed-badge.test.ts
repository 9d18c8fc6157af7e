import { describe, expect, it } from 'vitest';
import { owedBadge } from '../../features/refunds/owed-badge';
import { refundScopeOf, refundsHref } from '../../features/refunds/refund-scope';
import { json, recordingApi } from './fixtures';

describe('the refunds badge', () => {
  it('is hidden while nothing is owed or the count is not known yet', () => {
    expect(owedBadge(null)).toBeNull();
    expect(owedBadge(undefined)).toBeNull();
    expect(owedBadge({ owed: 0, failed: 0 })).toBeNull();
  });

  it('shows the owed count, plainly while the job is still retrying them', () => {
    expect(owedBadge({ owed: 3, failed: 0 })).toEqual({
      text: '3',
      label: '3 refunds owed',
      warning: false,
    });
    expect(owedBadge({ owed: 1, failed: 0 })?.label).toBe('1 refund owed');
  });

  it('warns, in words as well as style, when some wait for a person', () => {
    expect(owedBadge({ owed: 3, failed: 1 })).toEqual({
      text: '3',
      label: '3 refunds owed, 1 needs a retry',
      warning: true,
    });
    expect(owedBadge({ owed: 4, failed: 2 })?.label).toBe('4 refunds owed, 2 need a retry');
  });

  it('is asked for on the admin and organizer routes of the reader’s own portal', async () => {
    const { api, requests } = recordingApi(() => json({ owed: 2, failed: 1 }));
    const admin = refundScopeOf('admin')!;
    const organizer = refundScopeOf('organizer')!;
    expect(owedBadge(await api[admin].refunds.owedCount())?.warning).toBe(true);
    await api[organizer].refunds.owedCount();
    expect(requests).toEqual(['GET /api/admin/refunds/owed-count', 'GET /api/organizer/refunds/owed-count']);
    expect(refundsHref(admin)).toBe('/admin/refunds');
    expect(refundsHref(organizer)).toBe('/organizer/refunds');
  });

  it('is never asked for by customers or door staff', () => {
    expect(refundScopeOf('customer')).toBeNull();
    expect(refundScopeOf('staff')).toBeNull();
  });
});
