import { sandboxShop } from '../../mocks/shopify/personas';
import { createSandboxSeed } from '../../mocks/shopify/seed';
import { defaultFieldMapping, type FieldMapping } from '../../src/shared/mapping';
import type { CardLookup } from '../../src/shared/wire';
import { createApp } from '../../src/server/http/app';
import { loadBuiltFirstPaint } from '../../src/server/card/first-paint';
import { signToken } from '../../src/server/auth/tokens';
import type { CachePolicy } from '../../src/server/card/cache';
import { createLogger, type LogLevel } from '../../src/server/setup/log';
import type { RateLimitPolicy } from '../../src/server/http/rate-limit';
import { createServices } from '../../src/server/setup/services';
import { openDatabase } from '../../src/server/storage/db';
import { sqliteSql } from '../../src/server/storage/sqlite-sql';
import { openStorage } from '../../src/server/storage/storage';
import { connectRedisState } from '../../src/server/shared-state/redis-state';

export const benchSecret = 'bench-secret-bench-secret-bench-secret-0001';

/** Every open asks Shopify: nothing is served from the cache. */
export const noCache: Partial<CachePolicy> = { freshMs: 0, revalidateMs: 0, keepMs: 0 };
/** Every open asks Shopify, and the last good answer is kept for when Shopify fails or is late. */
export const keepOnly: Partial<CachePolicy> = { freshMs: 0, revalidateMs: 0 };

/** One agent token drives all the load, so the per-agent limit is lifted (the limiter itself still runs). */
const unlimited: RateLimitPolicy = { capacity: 1e9, refillPerSecond: 1e9 };

export type BenchBffOptions = {
  sandboxOrigin: string;
  /** The production cache policy unless given. */
  cache?: Partial<CachePolicy>;
  mapping?: FieldMapping;
  distDir: string;
  allowedHostOrigins?: string[];
  logLevel?: LogLevel;
  /** The People sync's timing (the bench polls bulk operations without waiting a second). */
  peopleSync?: Parameters<typeof createServices>[0]['peopleSync'];
  /** Several instances: PostgreSQL shared by them (an in-memory SQLite database unless given)… */
  databaseUrl?: string | undefined;
  /** …and Redis, under this key prefix. */
  redis?: { url: string; prefix: string } | undefined;
};

/**
 * The BFF as `npm start` wires it, over an in-memory database (or the PostgreSQL and Redis given), with the
 * sandbox store's credential active and a field mapping saved. Instances started one after the other on one
 * database share the credential and the mapping.
 */
export async function createBenchBff(options: BenchBffOptions) {
  const redis = options.redis ? connectRedisState(options.redis.url, { prefix: options.redis.prefix }) : undefined;
  if (redis) await redis.ready(10_000);
  const services = createServices({
    sql: options.databaseUrl ? await openStorage({ databaseUrl: options.databaseUrl, dataDir: '.' }) : sqliteSql(openDatabase(':memory:')),
    appSecret: benchSecret,
    endpoint: { apiOrigin: options.sandboxOrigin },
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.peopleSync ? { peopleSync: options.peopleSync } : {}),
    ...(redis ? { redis } : {}),
  });
  const credential = await services.credentials.upsertFromSource('sandbox', {
    name: 'Sandbox',
    kind: 'client_credentials',
    shopDomain: sandboxShop.domain,
    clientId: sandboxShop.clientId,
    secret: sandboxShop.clientSecret,
  });
  await services.settings.activate(credential.id, 'bench');
  if (!(await services.settings.mapping())) await services.settings.saveMapping(options.mapping ?? defaultFieldMapping, 0, 'bench');
  const logger = createLogger(options.logLevel ?? 'info');
  // The card's first paint, as the BFF renders it in production, once its module is in.
  const firstPaint = loadBuiltFirstPaint(options.distDir, logger);
  await firstPaint.ready;
  const app = createApp({
    services,
    appSecret: benchSecret,
    allowedHostOrigins: options.allowedHostOrigins ?? [],
    logger,
    distDir: options.distDir,
    firstPaint,
    rateLimit: unlimited,
  });
  return { app, services };
}

export const agentToken = () => signToken(benchSecret, { sub: 'bench-agent', role: 'agent' }, 60 * 60);

export const cardOpenHeaders = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

export type Shopper = { name: string; phone: string; email: string; orders: number; lookup: CardLookup };

/** The generated shoppers of a sandbox store made with `extraCustomers: count`; even ones are looked up by phone, odd ones by email. */
export function extraShoppers(count: number): Shopper[] {
  const own = createSandboxSeed().customers.length;
  return createSandboxSeed({ extraCustomers: count })
    .customers.slice(own)
    .map((customer, index) => {
      const phone = customer.phone ?? '';
      const email = customer.email ?? '';
      return {
        name: `${customer.firstName} ${customer.lastName}`,
        phone,
        email,
        orders: customer.orderIds.length,
        lookup: index % 2 === 0 ? { phone } : { email },
      };
    });
}
