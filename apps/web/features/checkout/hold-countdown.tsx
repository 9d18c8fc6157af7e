'use client';

import { countdownAnnouncement, formatCountdown } from './countdown';

/**
 * The time left on a reservation. The visible clock ticks every second but is not a live region;
 * a separate polite one speaks only when the whole minutes change, so a screen reader hears it at
 * most once a minute.
 */
export function HoldCountdown({ msLeft }: { msLeft: number }) {
  return (
    <div className="hold-countdown">
      <p>
        Your tickets are held for{' '}
        <strong className="hold-clock" data-testid="hold-countdown">
          {formatCountdown(msLeft)}
        </strong>
        . Pay before the time runs out, or they go back on sale.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {countdownAnnouncement(msLeft)}
      </p>
    </div>
  );
}
