import type { OrderAnswer } from '@eventhub/client';

/** An attendee's answers on that attendee's ticket card. */
export function ticketAnswers(answers: readonly OrderAnswer[], ticketId: string): OrderAnswer[] {
  return answers.filter((a) => a.scope === 'attendee' && a.ticketId === ticketId);
}

export interface SeatAnswers {
  /** The attendee's place in the order, from 0. */
  seat: number;
  answers: OrderAnswer[];
}

/**
 * What the order page shows apart from the ticket cards: the order's own answers, and the
 * attendees' answers that have no card to sit on (no ticket yet: the order is not paid), by seat.
 */
export function orderAnswerGroups(
  answers: readonly OrderAnswer[],
  ticketIds: ReadonlySet<string>,
): { order: OrderAnswer[]; seats: SeatAnswers[] } {
  const order = answers.filter((a) => a.scope === 'order');
  const bySeat = new Map<number, OrderAnswer[]>();
  for (const answer of answers) {
    if (answer.scope !== 'attendee' || (answer.ticketId !== null && ticketIds.has(answer.ticketId))) continue;
    const seat = answer.seat ?? 0;
    bySeat.set(seat, [...(bySeat.get(seat) ?? []), answer]);
  }
  const seats = [...bySeat].sort(([a], [b]) => a - b).map(([seat, list]) => ({ seat, answers: list }));
  return { order, seats };
}
