import { buyTickets } from '../factories';
import { refund } from '../order-probes';
import { json } from '../test-env';
import { seats, send, smallEvent, type Scenario } from './world';

/** Refunds owed to buyers: retried by hand once the automatic retries ran out. */
export const REFUND_SCENARIOS: Record<string, Scenario[]> = {
  'POST /api/refunds/:refundId/retry': [
    {
      title: 'retry a refund whose automatic retries ran out',
      changes: {
        none: 'the refund goes back to the job; its tickets were voided and its seats returned when it was made',
      },
      prepare: async (w) => {
        const event = await smallEvent(w);
        const order = await buyTickets(w.env, w.buyer, seats(event, 2));
        const made = await refund(w.env, w.organizer.accessToken, order.id);
        if (made.statusCode !== 201) throw new Error(`refund failed: ${made.statusCode} ${made.body}`);
        const { id } = json<{ id: string }>(made);
        // As the refund job leaves a refund the provider refused on every attempt.
        await w.env.ctx.db
          .updateTable('refunds')
          .set({ status: 'failed', attempts: 5, last_error: 'card_declined', next_attempt_at: null })
          .where('id', '=', id)
          .execute();
        return {
          call: () => send(w, 'POST', `/api/refunds/${id}/retry`, { token: w.organizer.accessToken }),
        };
      },
    },
  ],
};
