/**
 * The Redis the shared-limit tests use. They run with the PostgreSQL suites (CI starts Redis for
 * that run); TEST_REDIS_URL points them elsewhere.
 */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}
