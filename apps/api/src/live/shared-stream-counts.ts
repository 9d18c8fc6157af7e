import { randomUUID } from 'node:crypto';
import type { SharedRedis } from '../redis';

// Each process counts its own streams per IP in a field of the IP's hash, and says it is alive in
// a sorted set (score: when it stops being believed). A process that dies without tidying up
// stops being counted once its liveness runs out, and its fields are dropped by the next check.
const RESERVE = `
local procs, ipKey = KEYS[1], KEYS[2]
local me, limit, liveMs = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', procs, '-inf', now)
redis.call('ZADD', procs, now + liveMs, me)
redis.call('PEXPIRE', procs, liveMs)
local counts = redis.call('HGETALL', ipKey)
local used = 0
for i = 1, #counts, 2 do
  if counts[i] == me or redis.call('ZSCORE', procs, counts[i]) then
    used = used + tonumber(counts[i + 1])
  else
    redis.call('HDEL', ipKey, counts[i])
  end
end
if used >= limit then return 0 end
redis.call('HINCRBY', ipKey, me, 1)
redis.call('PEXPIRE', ipKey, liveMs)
return 1
`;

const RELEASE = `
local left = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if left <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return left
`;

// KEYS: the set of processes, then one key per IP; ARGV: me, liveness, then the count per IP.
const REFRESH = `
local me, liveMs = ARGV[1], tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + liveMs, me)
redis.call('PEXPIRE', KEYS[1], liveMs)
for i = 2, #KEYS do
  redis.call('HSET', KEYS[i], me, ARGV[i + 1])
  redis.call('PEXPIRE', KEYS[i], liveMs)
end
return 1
`;

const REFRESH_SLICE = 500;

const FORGET = `
redis.call('ZREM', KEYS[1], ARGV[1])
for i = 2, #KEYS do redis.call('HDEL', KEYS[i], ARGV[1]) end
return 1
`;

/**
 * Open streams per client IP across every API process, in Redis. This process refreshes its
 * liveness and restates its own counts every `livenessMs / 3`, which also repairs what a Redis
 * restart or an outage lost. Every call throws when Redis does; the caller decides what then.
 */
export class SharedStreamCounts {
  private readonly me = randomUUID();
  private readonly procsKey: string;

  constructor(
    private readonly shared: SharedRedis,
    private readonly livenessMs: number,
  ) {
    this.procsKey = `${shared.prefix}streams:processes`;
  }

  private ipKey(ip: string): string {
    return `${this.shared.prefix}streams:ip:${ip}`;
  }

  /** Takes one of `ip`'s `limit` streams; false when all are in use, on any process. */
  async reserve(ip: string, limit: number): Promise<boolean> {
    const taken = await this.shared.client.eval(
      RESERVE,
      2,
      this.procsKey,
      this.ipKey(ip),
      this.me,
      limit,
      this.livenessMs,
    );
    return Number(taken) === 1;
  }

  async release(ip: string): Promise<void> {
    await this.shared.client.eval(RELEASE, 1, this.ipKey(ip), this.me);
  }

  /** Says this process is alive and how many streams it holds per IP (its whole truth). */
  async refresh(counts: ReadonlyMap<string, number>): Promise<void> {
    const ips = [...counts.keys()];
    // In slices, so ten thousand clients do not make one script hold Redis up.
    for (let i = 0; i === 0 || i < ips.length; i += REFRESH_SLICE) {
      const slice = ips.slice(i, i + REFRESH_SLICE);
      await this.shared.client.eval(
        REFRESH,
        1 + slice.length,
        this.procsKey,
        ...slice.map((ip) => this.ipKey(ip)),
        this.me,
        this.livenessMs,
        ...slice.map((ip) => counts.get(ip)!),
      );
    }
  }

  /** Leaves: this process's streams stop counting at once (graceful shutdown). */
  async forget(ips: Iterable<string>): Promise<void> {
    const keys = [...ips].map((ip) => this.ipKey(ip));
    await this.shared.client.eval(FORGET, 1 + keys.length, this.procsKey, ...keys, this.me);
  }
}
