import type { SalesRange } from './sales-range';

export type RollupUnit = 'day' | 'quarter';

/**
 * A range cut into what the rollups answer — whole UTC days (or quarter hours), as keys from
 * `from` inclusive to `to` exclusive — and the partial pieces at its ends, which are summed from
 * the orders and tickets themselves. Together they cover the range exactly once.
 */
export interface SplitRange {
  whole: { from: string | null; to: string | null } | null;
  edges: SalesRange[];
}

const STEP = { day: 86_400_000, quarter: 900_000 };

function keyOf(ms: number, unit: RollupUnit): string {
  const iso = new Date(ms).toISOString();
  return unit === 'day' ? iso.slice(0, 10) : iso.slice(0, 16);
}

export function splitRange(range: SalesRange, unit: RollupUnit): SplitRange {
  const step = STEP[unit];
  const from = range.from === null ? null : Date.parse(range.from);
  const to = range.to === null ? null : Date.parse(range.to);
  // Boundaries are whole multiples of the step since the epoch: UTC midnights and quarter hours.
  const start = from === null ? null : Math.ceil(from / step) * step;
  const end = to === null ? null : Math.floor(to / step) * step;
  if (start !== null && end !== null && start >= end) return { whole: null, edges: [range] };
  const edges: SalesRange[] = [];
  if (from !== null && start! > from) edges.push({ from: range.from, to: new Date(start!).toISOString() });
  if (to !== null && end! < to) edges.push({ from: new Date(end!).toISOString(), to: range.to });
  return {
    whole: { from: start === null ? null : keyOf(start, unit), to: end === null ? null : keyOf(end, unit) },
    edges,
  };
}
