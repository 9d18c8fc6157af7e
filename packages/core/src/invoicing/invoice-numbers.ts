import { sql } from 'kysely';
import type { Tx } from '../db/database';

export interface InvoiceNumber {
  year: number;
  sequence: number;
  /** `PREFIX-YYYY-NNNNN`. */
  number: string;
}

/**
 * The organizer's next number for the year of `issuedAt` (UTC), taken in the caller's
 * transaction: a conditional increment of the counter row, which concurrent issuers of the same
 * organizer wait on until this transaction ends. A rollback gives the number back, so the
 * numbers that exist are 1, 2, 3… without gaps or repeats. Call it last in the transaction: the
 * row stays locked until the commit.
 */
export async function takeInvoiceNumber(
  tx: Tx,
  organizerId: string,
  prefix: string,
  issuedAt: string,
): Promise<InvoiceNumber> {
  const year = Number(issuedAt.slice(0, 4));
  await tx
    .insertInto('invoice_counters')
    .values({ organizer_id: organizerId, year, last_number: 0 })
    .onConflict((oc) => oc.columns(['organizer_id', 'year']).doNothing())
    .execute();
  const { last_number: sequence } = await tx
    .updateTable('invoice_counters')
    .set({ last_number: sql<number>`last_number + 1` })
    .where('organizer_id', '=', organizerId)
    .where('year', '=', year)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return { year, sequence, number: `${prefix}-${year}-${String(sequence).padStart(5, '0')}` };
}
