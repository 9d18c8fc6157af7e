import {
  DeferredAudit,
  EventOwners,
  TicketKeyRing,
  OrderLinks,
  testPaymentProvider,
  type CheckinDeps,
  type EventDeps,
  type OrderDeps,
  type AuthSettings,
  type Clock,
  type Db,
  type Engine,
  type IdentityDeps,
  type PaymentProvider,
  type Transact,
  transactionsFor,
} from '@eventhub/core';
import type Stripe from 'stripe';
import { AfterCommitRelay } from './after-commit';
import type { Config } from './config';
import { createStripeClient, stripePaymentProvider, type StripeSettings } from './payments/stripe-provider';

/** What every route needs: the database, the clock, and the parsed configuration. */
export interface AppContext {
  db: Db;
  engine: Engine;
  /** The hot writes' transactions: group commit on SQLite, one per call on PostgreSQL. */
  transact: Transact;
  clock: Clock;
  config: Config;
  auth: AuthSettings;
  /** The test provider unless Stripe is configured. */
  payments: PaymentProvider;
  /** Set when STRIPE_SECRET_KEY is. */
  stripe: Stripe | null;
  /** The organizers' ticket-signing keys, sealed at rest with APP_SECRET. */
  ticketKeys: TicketKeyRing;
  /** Orders' access tokens (derived from APP_SECRET) and the mailed links carrying them. */
  orderLinks: OrderLinks;
  /** Audit entries of scans refused before any query, written in batches by the background work. */
  deferredAudit: DeferredAudit;
  eventOwners: EventOwners;
  /** Where use cases report what they changed after commit; connected by `buildApp`. */
  afterCommit: AfterCommitRelay;
}

// One dependency shape per core area, built here from the context (ARCHITECTURE.md).

export function checkinDeps(ctx: AppContext): CheckinDeps {
  return {
    db: ctx.db,
    transact: ctx.transact,
    clock: ctx.clock,
    keys: ctx.ticketKeys,
    deferredAudit: ctx.deferredAudit,
    owners: ctx.eventOwners,
    afterCommit: ctx.afterCommit,
  };
}

export function eventDeps(ctx: AppContext): EventDeps {
  return { db: ctx.db, clock: ctx.clock, afterCommit: ctx.afterCommit, uploadDir: ctx.config.uploadDir };
}

export function orderDeps(ctx: AppContext): OrderDeps {
  return {
    db: ctx.db,
    transact: ctx.transact,
    clock: ctx.clock,
    holdSeconds: ctx.config.orderHoldSeconds,
    maxPendingOrdersPerBuyer: ctx.config.maxPendingOrdersPerBuyer,
    maxPendingOrdersPerIp: ctx.config.maxPendingOrdersPerIp,
    orderLinks: ctx.orderLinks,
    payments: ctx.payments,
    ticketCodes: ctx.ticketKeys,
    afterCommit: ctx.afterCommit,
    uploadDir: ctx.config.uploadDir,
  };
}

export function identityDeps(ctx: AppContext): IdentityDeps {
  return {
    db: ctx.db,
    clock: ctx.clock,
    auth: ctx.auth,
    publicUrl: ctx.config.publicUrl,
    afterCommit: ctx.afterCommit,
  };
}

/** Token settings from the configuration and the resolved JWT secret. */
export function authSettings(config: Config, jwtSecret: string | Uint8Array): AuthSettings {
  return {
    jwtSecret: typeof jwtSecret === 'string' ? new TextEncoder().encode(jwtSecret) : jwtSecret,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshIdleTtlSeconds: config.refreshIdleTtlSeconds,
    sessionTtlSeconds: config.sessionTtlSeconds,
  };
}

function stripeSettings(config: Config): StripeSettings {
  const base = config.stripeApiBase ? new URL(config.stripeApiBase) : null;
  return {
    secretKey: config.stripeSecretKey!,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === 'http:' ? 80 : 443)),
          protocol: base.protocol === 'http:' ? ('http' as const) : ('https' as const),
        }
      : {}),
  };
}

/** Builds the context from its parts; the payment provider defaults to the built-in test one. */
export function createAppContext(parts: {
  db: Db;
  engine: Engine;
  clock: Clock;
  config: Config;
  jwtSecret: string | Uint8Array;
  appSecret: string;
  payments?: PaymentProvider;
}): AppContext {
  const stripe = parts.config.stripeSecretKey ? createStripeClient(stripeSettings(parts.config)) : null;
  return {
    db: parts.db,
    engine: parts.engine,
    transact: transactionsFor(parts.db, parts.engine),
    clock: parts.clock,
    config: parts.config,
    auth: authSettings(parts.config, parts.jwtSecret),
    payments: parts.payments ?? (stripe ? stripePaymentProvider(stripe) : testPaymentProvider),
    stripe,
    ticketKeys: new TicketKeyRing(parts.db, parts.clock, parts.appSecret),
    orderLinks: new OrderLinks(parts.appSecret, parts.config.publicUrl),
    deferredAudit: new DeferredAudit(parts.clock),
    eventOwners: new EventOwners(),
    afterCommit: new AfterCommitRelay(),
  };
}
