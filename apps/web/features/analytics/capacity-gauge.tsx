import { capacitySegments } from './analytics-charts';
import { formatCount, formatPercent } from './analytics-format';
import { CHART_COLORS } from './chart-figure';

const COLORS = { sold: CHART_COLORS.primary, held: CHART_COLORS.secondary, remaining: CHART_COLORS.muted };

/** Seats right now as one stacked bar: sold, held in open checkouts, and still on sale. */
export function CapacityGauge({
  capacity,
}: {
  capacity: { total: number; sold: number; held: number; remaining: number; utilization: number };
}) {
  const segments = capacitySegments(capacity);
  const summary = `${formatCount(capacity.sold)} sold, ${formatCount(capacity.held)} held and ${formatCount(
    capacity.remaining,
  )} remaining of ${formatCount(capacity.total)} (${formatPercent(capacity.utilization)} sold).`;
  return (
    <figure className="capacity-gauge" data-testid="capacity-gauge">
      <p className="capacity-headline" aria-hidden="true">
        <strong>{formatPercent(capacity.utilization)}</strong> sold
      </p>
      <div className="capacity-bar" role="img" aria-label={summary}>
        {segments.map((s) =>
          s.share > 0 ? (
            <span
              key={s.key}
              className={`capacity-segment capacity-${s.key}`}
              style={{ width: `${s.share * 100}%`, background: COLORS[s.key] }}
            />
          ) : null,
        )}
      </div>
      <ul className="chart-legend" aria-hidden="true">
        {segments.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: COLORS[s.key] }} /> {s.label}:{' '}
            {formatCount(s.value)}
          </li>
        ))}
        <li>Capacity: {formatCount(capacity.total)}</li>
      </ul>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
