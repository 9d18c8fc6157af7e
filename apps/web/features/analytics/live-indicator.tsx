import type { LiveStatus } from './live-changes';

const TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  off: 'Not live',
};

const TITLES: Record<LiveStatus, string> = {
  connecting: 'Connecting to live updates',
  live: 'The figures update by themselves as tickets sell',
  reconnecting: 'Live updates dropped; trying again. Reload to see the latest figures now.',
  off: 'Live updates are not available; reload to see the latest figures.',
};

/** The dashboard's "Live" badge: whether the figures on screen follow sales as they happen. */
export function LiveIndicator({ status, updatedAt }: { status: LiveStatus; updatedAt: number | null }) {
  return (
    <p className="live-indicator">
      <span
        className={`live-badge live-${status}`}
        role="status"
        title={TITLES[status]}
        data-testid="live-status"
      >
        <span className="live-dot" aria-hidden="true" />
        {TEXT[status]}
      </span>
      {updatedAt ? (
        <small className="live-updated">
          {' '}
          Updated <time dateTime={new Date(updatedAt).toISOString()}>{formatClock(updatedAt)}</time>
        </small>
      ) : null}
    </p>
  );
}

function formatClock(at: number): string {
  return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(
    at,
  );
}
