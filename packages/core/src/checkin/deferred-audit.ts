import { auditRow, type AuditInput } from '../audit/write-audit';
import type { Db } from '../db/database';
import type { Clock } from '../shared/clock';

// Past this many waiting entries, further ones are only counted, so a flood cannot eat memory.
const MAX_PENDING = 5_000;

/**
 * Audit entries for scans refused before any query (forged or garbled codes, forbidden events).
 * They are written in one batch by the background worker instead of one insert per request, so
 * a flood of forged codes never turns into a flood of database writes.
 */
export class DeferredAudit {
  private pending: ReturnType<typeof auditRow>[] = [];
  private dropped = 0;

  constructor(private readonly clock: Clock) {}

  push(entry: AuditInput): void {
    if (this.pending.length >= MAX_PENDING) this.dropped++;
    else this.pending.push(auditRow(entry, this.clock.now().toISOString()));
  }

  get size(): number {
    return this.pending.length;
  }

  /**
   * Writes what is waiting; entries dropped under a flood are recorded as one summary entry. When
   * the database is away, what was not written goes back in the queue for the next flush (still
   * within the cap), so an outage delays refused-scan entries instead of losing them.
   */
  async flush(db: Db): Promise<number> {
    const rows = this.pending;
    const dropped = this.dropped;
    this.pending = [];
    this.dropped = 0;
    if (dropped > 0)
      rows.push(
        auditRow(
          { actorId: null, action: 'ticket.scans_dropped', details: { count: dropped } },
          this.clock.now().toISOString(),
        ),
      );
    // Chunks keep each insert under the engines' bound-parameter limits.
    for (let i = 0; i < rows.length; i += 500) {
      try {
        await db
          .insertInto('audit_log')
          .values(rows.slice(i, i + 500))
          .execute();
      } catch (error) {
        this.requeue(rows.slice(i));
        throw error;
      }
    }
    return rows.length;
  }

  /** Puts unwritten rows back ahead of those that arrived meanwhile; past the cap they are counted. */
  private requeue(unwritten: ReturnType<typeof auditRow>[]): void {
    const queue = [...unwritten, ...this.pending];
    this.pending = queue.slice(0, MAX_PENDING);
    this.dropped += queue.length - this.pending.length;
  }
}
