import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has working defaults for local mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'local',
      port: 3000,
      demoSeed: true,
      corsOrigins: [],
      trustProxy: false,
    });
    expect(config.accessTokenTtlSeconds).toBe(900);
    expect(config.sessionTtlSeconds).toBe(30 * 24 * 3600);
    expect(config.dataDir).toMatch(/data$/);
    expect(config.streams).toEqual({ connectionsPerIp: 20, connectionsMax: 10_000, heartbeatSeconds: 15 });
  });

  it('refuses invalid values, naming the variable', () => {
    expect(configError({ PORT: 'eighty' }).variable).toBe('PORT');
    expect(configError({ PORT: '70000' }).variable).toBe('PORT');
    expect(configError({ DATABASE_URL: 'mysql://x' }).variable).toBe('DATABASE_URL');
    expect(configError({ JWT_SECRET: 'short' }).variable).toBe('JWT_SECRET');
    expect(configError({ PUBLIC_URL: 'not a url' }).variable).toBe('PUBLIC_URL');
    expect(configError({ DEMO_SEED: 'maybe' }).variable).toBe('DEMO_SEED');
    expect(configError({ ADMIN_EMAIL: 'a@b.co' }).variable).toBe('ADMIN_PASSWORD');
    expect(configError({ LOG_LEVEL: 'loud' }).message).toMatch(/LOG_LEVEL/);
    expect(configError({ STREAM_CONNECTIONS_PER_IP: '0' }).variable).toBe('STREAM_CONNECTIONS_PER_IP');
    expect(configError({ STREAM_CONNECTIONS_MAX: 'many' }).variable).toBe('STREAM_CONNECTIONS_MAX');
    expect(configError({ STREAM_HEARTBEAT_SECONDS: '0' }).variable).toBe('STREAM_HEARTBEAT_SECONDS');
  });

  it('makes missing secrets fatal in production, and never seeds demo accounts there', () => {
    expect(configError({ NODE_ENV: 'production' }).variable).toBe('JWT_SECRET');
    const secret = 'x'.repeat(40);
    expect(configError({ NODE_ENV: 'production', JWT_SECRET: secret }).variable).toBe('APP_SECRET');
    expect(
      configError({
        NODE_ENV: 'production',
        JWT_SECRET: secret,
        APP_SECRET: secret,
        STRIPE_SECRET_KEY: 'sk_test_1',
      }).variable,
    ).toBe('STRIPE_WEBHOOK_SECRET');
    // A fake Stripe's address in production would send card payments and refunds to it.
    expect(
      configError({
        NODE_ENV: 'production',
        JWT_SECRET: secret,
        APP_SECRET: secret,
        STRIPE_API_BASE: 'http://127.0.0.1:12111',
      }).variable,
    ).toBe('STRIPE_API_BASE');
    const prod = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: secret,
      APP_SECRET: secret,
      METRICS_TOKEN: 'metrics-token',
    });
    expect(prod).toMatchObject({ mode: 'production', demoSeed: false, host: '0.0.0.0' });
  });

  it('keeps /metrics closed in production: a token, or an internal port of its own', () => {
    const secrets = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), APP_SECRET: 'y'.repeat(40) };
    const refused = configError(secrets);
    expect(refused.variable).toBe('METRICS_TOKEN');
    expect(refused.message).toMatch(/METRICS_TOKEN.*METRICS_PORT/);
    expect(loadConfig({ ...secrets, METRICS_TOKEN: 'scrape-me' })).toMatchObject({
      metricsToken: 'scrape-me',
      metricsPort: undefined,
    });
    expect(loadConfig({ ...secrets, METRICS_PORT: '9464' })).toMatchObject({
      metricsToken: undefined,
      metricsPort: 9464,
      metricsHost: '127.0.0.1',
    });
    expect(loadConfig({ ...secrets, METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5' }).metricsHost).toBe(
      '10.0.0.5',
    );
    expect(configError({ ...secrets, METRICS_PORT: 'internal' }).variable).toBe('METRICS_PORT');
    expect(configError({ ...secrets, METRICS_PORT: '3000' }).variable).toBe('METRICS_PORT');
    // Local mode may leave it open.
    expect(loadConfig({})).toMatchObject({ metricsToken: undefined, metricsPort: undefined });
  });

  it('reads the login throttling settings: a back-off capped well below the old 15-minute lock', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      loginPerIp: 20,
      loginPerAccount: 10,
      loginFreeFailures: 5,
      loginDelayMs: 1000,
      loginMaxDelayMs: 60_000,
      registerPerIp: 20,
      refreshPerIp: 120,
      orderLookupPerIp: 20,
      orderLookupPerAddress: 5,
      accountMailPerIp: 20,
      accountMailPerAddress: 5,
    });
    expect(
      loadConfig({ RATE_LIMIT_LOGIN_DELAY_MS: '250', RATE_LIMIT_LOGIN_MAX_DELAY_MS: '2000' }).rateLimits,
    ).toMatchObject({ loginDelayMs: 250, loginMaxDelayMs: 2000 });
    expect(configError({ RATE_LIMIT_LOGIN_MAX_DELAY_MS: '500' }).variable).toBe(
      'RATE_LIMIT_LOGIN_MAX_DELAY_MS',
    );
    expect(configError({ RATE_LIMIT_LOGIN_MAX_DELAY_MS: String(16 * 60_000) }).variable).toBe(
      'RATE_LIMIT_LOGIN_MAX_DELAY_MS',
    );
    expect(configError({ RATE_LIMIT_LOGIN_DELAY_MS: '0' }).variable).toBe('RATE_LIMIT_LOGIN_DELAY_MS');
    expect(configError({ RATE_LIMIT_LOGIN_FREE_FAILURES: 'few' }).variable).toBe(
      'RATE_LIMIT_LOGIN_FREE_FAILURES',
    );
  });

  it('reads allow-lists and the trusted proxy setting', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: '10.0.0.1,10.0.0.2',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });
});
