import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { createLeakyBucket, type LeakyBucket } from './bucket';
import type { BulkFault } from './bulk-model';
import { createBulkRunner, type BulkTiming } from './bulk-runner';
import { BULK_FILE_PATH, createBulkStorage } from './bulk-storage';
import { createFaultQueue, shopifyErrorBody, type FaultRule, type TakenFaults } from './faults';
import { indexSeed, type SandboxServices } from './graph-context';
import { readGraphQLBody } from './graphql-body';
import { executeAdminQuery } from './graphql-execution';
import { sandboxShop } from './personas';
import { bindChanges, sandboxControl } from './sandbox-control';
import { adminSchema } from './schema';
import { createSandboxSeed } from './seed';
import type { SandboxSeed } from './seed-model';
import { grantToken, isLiveToken, readGrantParams } from './token-endpoint';

export { personas, sandboxShop, type Persona, type PersonaKey } from './personas';
export type { FaultRule, SandboxFault } from './faults';
export type { BulkFault } from './bulk-model';
export type { SandboxChanges } from './sandbox-control';

/** The scopes the reference text asks for, plus `read_all_orders`. */
export const defaultGrantedScopes = [
  'read_customers',
  'write_customers',
  'read_draft_orders',
  'write_draft_orders',
  'read_orders',
  'write_orders',
  'read_products',
  'write_products',
  'read_all_orders',
] as const;

export type SandboxStoreOptions = {
  /** The seed's anchor date; defaults to the start of the current UTC day. */
  now?: Date;
  /** The clock for token expiry and the cost bucket (milliseconds); defaults to Date.now. */
  clock?: () => number;
  grantedScopes?: readonly string[];
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  credentials?: Partial<{ shopDomain: string; clientId: string; clientSecret: string; accessToken: string }>;
  /** Refuse the client credentials grant with `shop_not_permitted`. */
  shopNotPermitted?: boolean;
  bucket?: { maximumAvailable?: number; restoreRate?: number };
  /** Generated customers beyond the seed's own, for benchmarks (see `SeedOptions`). */
  extraCustomers?: number;
  /** How long bulk operations wait and take; `{ startDelayMs: 0, pageDelayMs: 0 }` makes them run at once. */
  bulk?: BulkTiming;
};

export type SandboxStoreState = {
  seed: SandboxSeed;
  shopDomain: string;
  clientId: string;
  clientSecret: string;
  accessToken: string;
  grantedScopes: string[];
  latencyMs: number;
  shopNotPermitted: boolean;
  tokens: Map<string, { expiresAt: number }>;
};

export type GraphQLRequestRecord = {
  operationName: string | null;
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
  /** The HTTP status answered; 0 when the connection was dropped or never answered. */
  status: number;
  /** The first GraphQL error code (THROTTLED, MAX_COST_EXCEEDED, undefinedField…), or null. */
  errorCode: string | null;
};

export type SandboxStats = { tokenRequests: number; graphqlRequests: number; graphql: GraphQLRequestRecord[] };

/** Thrown to drop a connection: `app.request` rejects, and over HTTP the socket is destroyed. */
export class SandboxConnectionReset extends Error {
  constructor() {
    super('The sandbox store reset the connection');
  }
}

const API_VERSION = /^(\d{4}-\d{2}|unstable)$/;
const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': randomUUID(), ...headers },
  });
const notFound = () => json({ errors: 'Not Found' }, 404);

export function createSandboxStore(options: SandboxStoreOptions = {}) {
  const clock = options.clock ?? Date.now;
  const state: SandboxStoreState = {
    seed: createSandboxSeed({
      ...(options.now ? { now: options.now } : {}),
      ...(options.extraCustomers ? { extraCustomers: options.extraCustomers } : {}),
    }),
    shopDomain: options.credentials?.shopDomain ?? sandboxShop.domain,
    clientId: options.credentials?.clientId ?? sandboxShop.clientId,
    clientSecret: options.credentials?.clientSecret ?? sandboxShop.clientSecret,
    accessToken: options.credentials?.accessToken ?? sandboxShop.accessToken,
    grantedScopes: [...(options.grantedScopes ?? defaultGrantedScopes)],
    latencyMs: options.latencyMs ?? 0,
    shopNotPermitted: options.shopNotPermitted ?? false,
    tokens: new Map(),
  };
  const index = indexSeed(state.seed, clock);
  const storage = createBulkStorage({ clock, operation: (id) => index.bulkOperations.find((operation) => operation.id === id) });
  const services: SandboxServices = {
    startBulkOperation: (operation, plan) => bulk.start(operation, plan),
    bulkFileUrl: (operation, origin) => storage.url(operation, origin),
  };
  const bulk = createBulkRunner({
    schema: adminSchema,
    index,
    grantedScopes: () => state.grantedScopes,
    services,
    timing: options.bulk ?? {},
  });
  const changes = bindChanges(index);
  const bucket: LeakyBucket = createLeakyBucket({ ...options.bucket, clock });
  const faults = createFaultQueue();
  const stats: SandboxStats = { tokenRequests: 0, graphqlRequests: 0, graphql: [] };
  const closing = new AbortController();

  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(resolve, ms);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });

  /** Applies latency and the fault that was taken; a Response when the fault answers instead. */
  async function applyFaults(c: Context<{ Bindings: Partial<HttpBindings> }>, taken: TakenFaults): Promise<Response | null> {
    const signal = AbortSignal.any([c.req.raw.signal, closing.signal]);
    await wait(state.latencyMs + taken.latencyMs, signal);
    const { fault } = taken;
    if (!fault || 'throttle' in fault) return null;
    if ('hang' in fault) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      if (signal.aborted) return new Response(null, { status: 499 });
    }
    if ('reset' in fault) {
      c.env?.incoming?.socket.destroy();
      throw new SandboxConnectionReset();
    }
    if ('status' in fault) {
      const headers: Record<string, string> = fault.status === 429 ? { 'retry-after': '2.0' } : {};
      return json(fault.body ?? shopifyErrorBody(fault.status), fault.status, headers);
    }
    return null;
  }

  const otherShop = (c: Context) => {
    const named = c.req.header('x-shopify-shop-domain');
    return named !== undefined && named.trim().toLowerCase() !== state.shopDomain.toLowerCase();
  };

  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();

  app.post('/admin/oauth/access_token', async (c) => {
    stats.tokenRequests += 1;
    if (otherShop(c)) return notFound();
    const faulted = await applyFaults(c, faults.take('token'));
    if (faulted) return faulted;
    const answer = grantToken(await readGrantParams(c.req.raw), state, clock());
    return json(answer.body, answer.status, { 'cache-control': 'no-store' });
  });

  app.post('/admin/api/:version/graphql.json', async (c) => {
    const version = c.req.param('version');
    if (!API_VERSION.test(version) || otherShop(c)) return notFound();
    stats.graphqlRequests += 1;
    const record: GraphQLRequestRecord = {
      operationName: null,
      requestedQueryCost: null,
      actualQueryCost: null,
      status: 0,
      errorCode: null,
    };
    stats.graphql.push(record);

    const taken = faults.take('graphql');
    const faulted = await applyFaults(c, taken);
    if (faulted) {
      record.status = faulted.status === 499 ? 0 : faulted.status;
      return faulted;
    }
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      return json(body, status, { 'x-shopify-api-version': version, ...headers });
    };

    if (!isLiveToken(c.req.header('x-shopify-access-token'), state, clock())) {
      return answer(401, shopifyErrorBody(401));
    }
    const request = await readGraphQLBody(c.req.raw);
    if (!request) return answer(400, { errors: { query: 'Required parameter missing or invalid' } });

    const result = executeAdminQuery(request, {
      schema: adminSchema(),
      index,
      grantedScopes: state.grantedScopes,
      bucket,
      forceThrottle: taken.fault !== null && 'throttle' in taken.fault,
      origin: new URL(c.req.url).origin,
      services,
    });
    Object.assign(record, {
      operationName: result.operationName,
      requestedQueryCost: result.requestedQueryCost,
      actualQueryCost: result.actualQueryCost,
      errorCode: result.errorCode,
    });
    const headers: Record<string, string> =
      result.deprecated.length > 0
        ? { 'x-shopify-api-deprecated-reason': 'https://shopify.dev/api/usage/versioning#deprecation-practices' }
        : {};
    return answer(200, result.body, headers);
  });

  app.get(`${BULK_FILE_PATH}/:name`, (c) => storage.serve(c.req.raw, c.req.param('name')));
  // What the store has been asked so far, for tests that drive it from another process.
  app.get('/sandbox/stats', () =>
    json(
      { tokenRequests: stats.tokenRequests, graphqlRequests: stats.graphqlRequests, operations: stats.graphql.map((r) => r.operationName) },
      200,
    ),
  );
  app.route('/sandbox', sandboxControl(changes));

  app.notFound(() => notFound());
  app.onError((error) => {
    if (error instanceof SandboxConnectionReset) throw error;
    return json({ errors: 'Internal Server Error' }, 500);
  });

  return {
    app,
    state,
    bucket,
    /** Live counters for tests and benchmarks. */
    get stats(): SandboxStats {
      return stats;
    },
    resetStats() {
      stats.tokenRequests = 0;
      stats.graphqlRequests = 0;
      stats.graphql.length = 0;
    },
    injectFault(rule: FaultRule) {
      faults.inject(rule);
    },
    clearFaults() {
      faults.clear();
    },
    pendingFaults() {
      return faults.pending();
    },
    /** Issues a token as the token endpoint would, for tests that start past authentication. */
    issueAccessToken(): string {
      const answer = grantToken(
        { grant_type: 'client_credentials', client_id: state.clientId, client_secret: state.clientSecret },
        { ...state, shopNotPermitted: false },
        clock(),
      );
      return String(answer.body.access_token);
    },
    /** Revokes every issued token (the legacy token stays valid), as an uninstall would. */
    revokeAccessTokens() {
      state.tokens.clear();
    },
    /** Changes to the shop's data, as a live shop's would change (also at `/sandbox/…` over HTTP). */
    changes,
    /** The store's records and indexes, for tests that look at what the store keeps. */
    index,
    bulkOperations: {
      /** The next bulk operation fails with this error code (after `afterObjects` lines, kept as partial data). */
      failNext: (fault: BulkFault) => bulk.failNext(fault),
      /** Resolves when the bulk operation (numeric id) has finished. */
      settled: (id: number) => bulk.settled(id),
    },
    /** Releases requests held by `hang` faults or latency, stops bulk operations and removes their files. */
    close(): Promise<void> {
      closing.abort();
      return bulk.close();
    },
  };
}

export type SandboxStore = ReturnType<typeof createSandboxStore>;

export type RunningSandboxStore = { origin: string; close(): Promise<void>; store: SandboxStore };

/** Serves the sandbox store over HTTP; `port: 0` picks a free port. */
export function startSandboxStore(options: SandboxStoreOptions & { port?: number; hostname?: string } = {}): Promise<RunningSandboxStore> {
  const { port = 0, hostname = '127.0.0.1', ...storeOptions } = options;
  const store = createSandboxStore(storeOptions);
  // Build the schema now, so the first request does not pay for it.
  adminSchema();
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: store.app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        origin: `http://${host}:${info.port}`,
        store,
        close: () =>
          new Promise<void>((done) => {
            const stopped = store.close();
            server.close(() => void stopped.then(done));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
