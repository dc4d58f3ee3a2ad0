import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personas, sandboxShop, startSandboxStore, type RunningSandboxStore, type SandboxStoreOptions } from '../../../mocks/shopify/store';
import { defaultFieldMapping, type FieldMapping } from '../../shared/mapping';
import { createApp } from '../http/app';
import type { FirstPaintSource } from '../card/first-paint';
import type { CachePolicy } from '../card/cache';
import { signToken, type Role } from '../auth/tokens';
import { createLogger } from '../setup/log';
import { createServices, type Services, type ServicesOptions } from '../setup/services';
import { defaultCallBudget, type CallBudgetPolicy } from '../shopify/call-budget';
import { openDatabase } from '../storage/db';
import type { RedisState } from '../shared-state/redis-state';
import type { Sql } from '../storage/sql';
import { sqliteSql } from '../storage/sqlite-sql';

export const testSecret = 'bff-test-secret-bff-test-secret-bff-test';
export const anchor = new Date('2026-11-01T00:00:00Z');
export { personas };

export type Harness = {
  sandbox: RunningSandboxStore;
  services: Services;
  app: ReturnType<typeof createApp>;
  token(role?: Role): Promise<string>;
  openCard(body: unknown, role?: Role): Promise<Response>;
  post(path: string, body: unknown, role?: Role): Promise<Response>;
  close(): Promise<void>;
};

/**
 * The BFF wired over an in-memory database and a sandbox store on a real port, with the sandbox
 * credential active and `mapping` saved (unless told otherwise).
 */
export type HarnessOptions = {
  mapping?: FieldMapping | null;
  activate?: boolean;
  sandbox?: SandboxStoreOptions;
  /** The card cache; off unless given, so each test sees Shopify's answer. */
  cache?: Partial<CachePolicy>;
  /** One clock for the sandbox store (token expiry, cost bucket) and the BFF (token renewal, cache). */
  clock?: TestClock;
  credential?: 'client_credentials' | 'access_token';
  /** What each call may spend on Shopify; the production budget with 2 s per request unless given. */
  callBudget?: Partial<CallBudgetPolicy>;
  /** The database: an in-memory SQLite one unless given (the caller closes one it gives). */
  sql?: Sql;
  /** Several instances' shared state; none unless given. */
  redis?: RedisState;
  /** The People sync's timing and seams; it never waits for real unless told to. */
  peopleSync?: ServicesOptions['peopleSync'];
  /** The card's first paint; none unless given. */
  firstPaint?: FirstPaintSource;
};

/** A clock tests move by hand; waiting between retries moves it too, so the cost bucket refills. */
export type TestClock = { now(): number; advance(ms: number): void; slept: number[] };
export function testClock(start = anchor.getTime()): TestClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    slept: [],
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = options.clock;
  const sandbox = await startSandboxStore({ now: anchor, ...(clock ? { clock: clock.now } : {}), ...options.sandbox });
  const own = options.sql ? undefined : sqliteSql(openDatabase(':memory:'));
  const services = createServices({
    sql: options.sql ?? (own as Sql),
    appSecret: testSecret,
    endpoint: { apiOrigin: sandbox.origin, requestTimeoutMs: 2_000 },
    ...(clock ? { clock: clock.now } : {}),
    // Retries happen without real waiting; with a test clock, the wait moves the clock instead.
    gateway: {
      sleep: async (ms) => {
        clock?.slept.push(ms);
        clock?.advance(ms);
      },
      random: () => 0.5,
      budget: { ...defaultCallBudget, attemptTimeoutMs: 2_000, ...options.callBudget },
    },
    cache: options.cache ?? { freshMs: 0, revalidateMs: 0, keepMs: 0 },
    peopleSync: { sleep: async () => undefined, pollMs: 1, ...options.peopleSync },
    ...(options.redis ? { redis: options.redis } : {}),
  });
  const credential =
    options.credential === 'access_token'
      ? await services.credentials.create({
          name: 'Sandbox (legacy token)',
          kind: 'access_token',
          shopDomain: sandboxShop.domain,
          clientId: sandboxShop.apiKey,
          secret: sandboxShop.accessToken,
        })
      : await services.credentials.create({
          name: 'Sandbox',
          kind: 'client_credentials',
          shopDomain: sandboxShop.domain,
          clientId: sandboxShop.clientId,
          secret: sandboxShop.clientSecret,
        });
  if (options.activate !== false) await services.settings.activate(credential.id, 'test');
  const mapping = options.mapping === undefined ? defaultFieldMapping : options.mapping;
  if (mapping) await services.settings.saveMapping(mapping, 0, 'test');

  const distDir = mkdtempSync(join(tmpdir(), 'card-dist-'));
  for (const page of ['index', 'card', 'config']) writeFileSync(join(distDir, `${page}.html`), `<!doctype html><title>${page}</title>`);
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'assets', 'card-test.js'), `export const card = ${JSON.stringify('x'.repeat(20_000))};\n`);
  const app = createApp({
    services,
    appSecret: testSecret,
    allowedHostOrigins: ['https://inbox.example.com'],
    logger: createLogger('silent'),
    distDir,
    ...(options.firstPaint ? { firstPaint: options.firstPaint } : {}),
  });

  const token = (role: Role = 'agent') => signToken(testSecret, { sub: `${role}-1`, role });
  const post = async (path: string, body: unknown, role: Role = 'agent') =>
    app.request(path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await token(role)}`, 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    sandbox,
    services,
    app,
    token,
    post,
    openCard: (body, role = 'agent') => post('/api/card', body, role),
    close: async () => {
      await services.peopleSync.stop();
      await sandbox.close();
      await own?.close();
    },
  };
}
