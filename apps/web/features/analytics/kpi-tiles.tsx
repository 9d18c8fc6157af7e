import type { ReactNode } from 'react';

export interface Kpi {
  /** Stable, for tests and keys: "net-revenue". */
  id: string;
  label: string;
  /** One line per value; several for amounts in several currencies. */
  value: ReactNode;
  detail?: ReactNode;
  /** Secondary figures render smaller. */
  minor?: boolean;
}

/** Headline figures as tiles that wrap onto as many rows as the screen needs. */
export function KpiTiles({ label, items, busy }: { label: string; items: readonly Kpi[]; busy?: boolean }) {
  return (
    <ul className="kpi-tiles" aria-label={label} aria-busy={busy || undefined}>
      {items.map((kpi) => (
        <li key={kpi.id} className={kpi.minor ? 'kpi kpi-minor' : 'kpi'} data-testid={`kpi-${kpi.id}`}>
          <span className="kpi-label">{kpi.label}</span>
          <span className="kpi-value" data-testid={`kpi-${kpi.id}-value`}>
            {kpi.value}
          </span>
          {kpi.detail ? <small className="kpi-detail">{kpi.detail}</small> : null}
        </li>
      ))}
    </ul>
  );
}
