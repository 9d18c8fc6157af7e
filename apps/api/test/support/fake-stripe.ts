import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface StripeCall {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  params: URLSearchParams;
  /** The HTTP status it was answered with. */
  status?: number;
}

/**
 * A loopback stand-in for api.stripe.com that speaks the part of the protocol we use (form-encoded
 * requests, JSON answers, Idempotency-Key replay) and records every call. Anything else it is
 * asked is recorded as unexpected, and tests assert there was none.
 */
export class FakeStripe {
  readonly calls: StripeCall[] = [];
  readonly unexpected: string[] = [];
  private readonly replies = new Map<string, unknown>();
  private server: Server | null = null;
  private counter = 0;
  private refusals = 0;
  url = '';

  /**
   * The next `count` refund requests are refused (402, as when the platform balance cannot cover
   * them). A refusal is not kept for idempotent replay, so asking again with the same key can succeed.
   */
  refuseRefunds(count: number): void {
    this.refusals = count;
  }

  async start(): Promise<this> {
    this.server = createServer(
      (req, res) =>
        void this.handle(req).then(([status, body]) => {
          res.writeHead(status, {
            'content-type': 'application/json',
            'request-id': `req_${++this.counter}`,
          });
          res.end(JSON.stringify(body));
        }),
    );
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const params = new URLSearchParams(raw);
    const key = req.headers['idempotency-key'] as string | undefined;
    const path = (req.url ?? '').split('?')[0]!;
    const call: StripeCall = { method: req.method ?? '', path, idempotencyKey: key, params };
    this.calls.push(call);
    const [status, body] = this.answer(req, path, key, params);
    call.status = status;
    return [status, body];
  }

  private answer(
    req: IncomingMessage,
    path: string,
    key: string | undefined,
    params: URLSearchParams,
  ): [number, unknown] {
    if (key && this.replies.has(`${path} ${key}`)) return [200, this.replies.get(`${path} ${key}`)];
    let reply: unknown;
    if (req.method === 'POST' && path === '/v1/payment_intents') {
      const id = `pi_fake_${++this.counter}`;
      reply = {
        id,
        object: 'payment_intent',
        amount: Number(params.get('amount')),
        currency: params.get('currency'),
        client_secret: `${id}_secret_${this.counter}`,
        status: 'requires_payment_method',
        metadata: { orderId: params.get('metadata[orderId]'), eventId: params.get('metadata[eventId]') },
      };
    } else if (req.method === 'POST' && /^\/v1\/payment_intents\/[\w-]+\/cancel$/.test(path)) {
      reply = { id: path.split('/')[3], object: 'payment_intent', status: 'canceled' };
    } else if (req.method === 'POST' && path === '/v1/refunds' && this.refusals > 0) {
      this.refusals--;
      return [
        402,
        {
          error: {
            type: 'invalid_request_error',
            code: 'balance_insufficient',
            message: 'You have insufficient funds in your Stripe account for this refund.',
          },
        },
      ];
    } else if (req.method === 'POST' && path === '/v1/refunds') {
      reply = {
        id: `re_fake_${++this.counter}`,
        object: 'refund',
        amount: Number(params.get('amount')),
        payment_intent: params.get('payment_intent'),
        status: 'succeeded',
      };
    } else {
      this.unexpected.push(`${req.method} ${path}`);
      return [
        404,
        { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${path})` } },
      ];
    }
    if (key) this.replies.set(`${path} ${key}`, reply);
    return [200, reply];
  }
}
