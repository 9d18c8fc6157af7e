import type { DbOrTx } from '../db/database';

export interface CheckinStats {
  /** Tickets admitted so far. */
  checkedIn: number;
  /** Tickets that can still be or have been admitted (valid + used; void ones excluded). */
  sold: number;
}

/** Checked-in and sold counts per event, in one grouped query over the tickets index. */
export async function checkinStats(db: DbOrTx, eventIds: string[]): Promise<Map<string, CheckinStats>> {
  const stats = new Map<string, CheckinStats>(eventIds.map((id) => [id, { checkedIn: 0, sold: 0 }]));
  if (eventIds.length === 0) return stats;
  const rows = await db
    .selectFrom('tickets')
    .select(['event_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .where('status', 'in', ['valid', 'used'])
    .groupBy(['event_id', 'status'])
    .execute();
  for (const row of rows) {
    const s = stats.get(row.event_id)!;
    const n = Number(row.n);
    s.sold += n;
    if (row.status === 'used') s.checkedIn += n;
  }
  return stats;
}
