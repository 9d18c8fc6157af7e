'use client';

import { useSyncExternalStore } from 'react';
import { refundChangesVersion, subscribeRefundChanges } from './refund-changes';

/** A number that goes up whenever refunds change on this page: put it in a load's key. */
export function useRefundChangesVersion(): number {
  return useSyncExternalStore(subscribeRefundChanges, refundChangesVersion, () => 0);
}
