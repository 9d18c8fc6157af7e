/**
 * What each seat of a line cost: the line total split as evenly as integers allow, the
 * remainder cents going to the first seats. The parts always add up to the line total, so
 * refunding every ticket returns exactly what was paid.
 */
export function splitAcrossSeats(lineTotal: number, quantity: number): number[] {
  const base = Math.floor(lineTotal / quantity);
  const remainder = lineTotal - base * quantity;
  return Array.from({ length: quantity }, (_, i) => base + (i < remainder ? 1 : 0));
}
