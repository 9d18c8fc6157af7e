import type { Event } from '@eventhub/client';

const LABELS: Record<Event['status'], string> = {
  draft: 'Draft',
  published: 'Published',
  cancelled: 'Cancelled',
};

export function EventStatusBadge({ status }: { status: Event['status'] }) {
  return <span className={`badge badge-${status}`}>{LABELS[status]}</span>;
}
