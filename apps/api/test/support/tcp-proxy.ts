import net from 'node:net';

/**
 * What the proxy does with traffic: `forward` passes it both ways; `refuse` resets every open
 * connection and stops listening, so new ones are refused (a database that went down or is
 * restarting); `blackhole`
 * accepts connections and lets nothing through either way, answering nothing and closing nothing
 * (a hung server, a network that drops packets). Going back to `forward` after a black hole
 * delivers what was held back, as a healed network would.
 */
export type ProxyMode = 'forward' | 'refuse' | 'blackhole';

interface Pair {
  client: net.Socket;
  upstream: net.Socket | null;
  /** Bytes held back while black-holed, per direction. */
  toUpstream: Buffer[];
  toClient: Buffer[];
}

/** A TCP proxy on 127.0.0.1 in front of one target, for outage tests. */
export class TcpProxy {
  private mode: ProxyMode = 'forward';
  private readonly pairs = new Set<Pair>();
  /** Connections accepted, in all. */
  accepted = 0;

  private constructor(
    private readonly server: net.Server,
    private readonly target: { host: string; port: number },
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** Listens on a free loopback port. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = net.createServer();
    const proxy = new TcpProxy(server, target);
    await listen(server, 0);
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('proxy is not listening');
    proxy.port = address.port;
    return proxy;
  }

  /** Kept across `refuse`, when nothing listens on it. */
  port = 0;

  /** Open client connections. */
  get connections(): number {
    return this.pairs.size;
  }

  /** Switches mode; `refuse` resets what is open, `forward` releases what a black hole held. */
  async set(mode: ProxyMode): Promise<void> {
    const previous = this.mode;
    this.mode = mode;
    if (mode === 'refuse') {
      this.dropAll();
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
    } else if (previous === 'refuse') {
      await listen(this.server, this.port);
    }
    if (mode === 'forward')
      for (const pair of [...this.pairs]) {
        if (!pair.upstream) this.connectUpstream(pair);
        else this.flush(pair);
      }
  }

  /** Resets every open connection (a server restart as its clients see it); new ones are accepted. */
  dropAll(): void {
    for (const pair of [...this.pairs]) this.drop(pair);
  }

  async close(): Promise<void> {
    this.dropAll();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    this.accepted++;
    const pair: Pair = { client, upstream: null, toUpstream: [], toClient: [] };
    this.pairs.add(pair);
    client.on('data', (chunk) => this.pass(pair, 'up', chunk));
    client.on('error', () => this.drop(pair));
    client.on('close', () => this.drop(pair));
    if (this.mode === 'forward') this.connectUpstream(pair);
  }

  private connectUpstream(pair: Pair): void {
    const upstream = net.connect(this.target.port, this.target.host);
    pair.upstream = upstream;
    upstream.on('connect', () => this.flush(pair));
    upstream.on('data', (chunk) => this.pass(pair, 'down', chunk));
    upstream.on('error', () => this.drop(pair));
    upstream.on('close', () => this.drop(pair));
  }

  private pass(pair: Pair, direction: 'up' | 'down', chunk: Buffer): void {
    (direction === 'up' ? pair.toUpstream : pair.toClient).push(chunk);
    if (this.mode === 'forward') this.flush(pair);
  }

  private flush(pair: Pair): void {
    const { upstream, client } = pair;
    if (upstream && !upstream.connecting && !upstream.destroyed)
      for (const chunk of pair.toUpstream.splice(0)) upstream.write(chunk);
    if (!client.destroyed) for (const chunk of pair.toClient.splice(0)) client.write(chunk);
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    // A reset, not a FIN: the peer sees ECONNRESET, as when a server process dies.
    if (!pair.client.destroyed) pair.client.resetAndDestroy();
    if (pair.upstream && !pair.upstream.destroyed) pair.upstream.resetAndDestroy();
  }
}

function listen(server: net.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
