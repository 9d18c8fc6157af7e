import { requestOrderLinks, type OrderDeps } from '@eventhub/core';
import type { FastifyBaseLogger } from 'fastify';
import { requestMeta } from '../plugins/auth';
import type { RateLimits } from '../plugins/rate-limits';
import { errors } from '../schemas/common';
import { OrderLookupAccepted, OrderLookupBody } from '../schemas/orders';
import type { TypedApp } from '../typed-app';

// The one answer, whatever the address: it must not tell whether anyone bought with it.
const ACCEPTED = {
  message: 'If orders were placed with this address, a mail with a link to each is on its way.',
};

/** Work run after the answer was sent; kept track of so shutdown waits for it. */
class AfterResponse {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly log: FastifyBaseLogger) {}

  run(work: () => Promise<unknown>): void {
    const done: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => this.log.error({ err: error }, 'order lookup failed after its answer'))
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}

/** "Find my tickets": mails an address links to its orders (guest checkout, issue 16). */
export async function orderLookupRoutes(
  app: TypedApp,
  { orders, limits }: { orders: OrderDeps; limits: RateLimits },
) {
  const afterResponse = new AfterResponse(app.log);
  app.addHook('onClose', () => afterResponse.settled());

  app.post(
    '/api/orders/lookup',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['orders'],
        summary: 'Mail an address the links to its orders: 202 always, with the same body',
        description:
          "The links carry each order's token. An address without orders is sent nothing, and neither the answer nor its timing tells. Rate limited per IP and per address (429).",
        body: OrderLookupBody,
        response: { 202: OrderLookupAccepted, ...errors(400, 429) },
      },
    },
    async (request, reply) => {
      const meta = requestMeta(request);
      const email = request.body.email.trim().toLowerCase();
      // Spent alike for every address, before anything is looked up.
      await limits.orderLookupPerIp.spend(meta.ip);
      await limits.orderLookupPerAddress.spend(email);
      // Answer first, look after: the database work (and whether a mail is queued) cannot show
      // in the answer's time.
      afterResponse.run(() => requestOrderLinks(orders, { email }, meta));
      return reply.code(202).send(ACCEPTED);
    },
  );
}
