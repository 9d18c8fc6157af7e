import type { OrderDeps } from '@eventhub/core';
import { orderDeps as appOrderDeps } from '../../src/context';
import type { TestEnv } from './test-env';

/** The order use cases' dependencies as the app wires them, for tests that act as a payment provider. */
export function orderDeps(env: TestEnv): OrderDeps {
  return appOrderDeps(env.ctx);
}
