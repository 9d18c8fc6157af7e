import { changeTicketHolder, type OrderDeps } from '@eventhub/core';
import { orderCallerOf, requestMeta } from '../plugins/auth';
import { errors } from '../schemas/common';
import { ChangeHolderBody, OrderTokenQuery, TicketHolderParams, TicketSchema } from '../schemas/orders';
import type { TypedApp } from '../typed-app';

/** The buyer (or the order token's holder) passes a ticket on to someone else. */
export async function ticketHolderRoutes(app: TypedApp, { orders }: { orders: OrderDeps }) {
  app.patch(
    '/api/orders/:id/tickets/:ticketId',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['orders'],
        summary: "Change a ticket's holder until the event's change deadline: the ticket gets a new code",
        description:
          'The buyer, signed in or with the order token in X-Order-Token (or ?token=); others 404. The old code is void at the door and the new holder is mailed the ticket. After the deadline 409 change_deadline_passed; a used or void ticket 409 ticket_not_changeable.',
        params: TicketHolderParams,
        querystring: OrderTokenQuery,
        body: ChangeHolderBody,
        response: { 200: TicketSchema, ...errors(400, 401, 404, 409) },
      },
    },
    async (request) =>
      changeTicketHolder(
        orders,
        orderCallerOf(request),
        request.params.id,
        request.params.ticketId,
        request.body,
        requestMeta(request),
      ),
  );
}
