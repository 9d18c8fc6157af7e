import type { OrderDeps } from '@eventhub/core';
import type { TestEnv } from './test-env';

/** The order use cases' dependencies as the app wires them, for tests that act as a payment provider. */
export function orderDeps(env: TestEnv): OrderDeps {
  const { ctx } = env;
  return {
    db: ctx.db,
    transact: ctx.transact,
    clock: ctx.clock,
    holdSeconds: ctx.config.orderHoldSeconds,
    maxPendingOrdersPerBuyer: ctx.config.maxPendingOrdersPerBuyer,
    payments: ctx.payments,
    ticketCodes: ctx.ticketKeys,
  };
}
