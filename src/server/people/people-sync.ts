import { randomUUID } from 'node:crypto';
import type { PeopleSyncState, SavedPeopleMapping, SyncRun } from '../../shared/people';
import { AppError } from '../http/problem';
import { createCallBudget, type CallBudgetPolicy } from '../shopify/call-budget';
import type { ShopifyGateway } from '../shopify/gateway';
import type { Credential } from '../storage/credentials-store';
import { bulkFileLines, gidType } from './bulk-file';
import { addressPhones } from './customer-fields';
import {
  bulkOperationStatusOperation,
  changedSince,
  checkoutsPageOperation,
  customersCountOperation,
  customersPageOperation,
  ordersPageOperation,
  peopleBulkQuery,
  runBulkQueryOperation,
} from './people-operations';
import type { PeopleSettingsStore, RunningSync, SyncCheckpoint, SyncState } from './people-settings-store';
import type { EventWrite, PeopleStore, PersonWrite } from './people-store';
import { mappedSources, personWrite } from './person-writer';
import { checkoutEvent, orderEvents } from './shopify-events';

type Node = Record<string, unknown>;
type Page = { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
};

export type PeopleSyncOptions = {
  settings: PeopleSettingsStore;
  people: PeopleStore;
  credential: (id: string) => Credential | null | Promise<Credential | null>;
  shopify: ShopifyGateway;
  /** How a bulk operation's file is fetched (its URL is signed: no token goes with it). */
  fetchFile?: (url: string) => Promise<Response>;
  /** What each Shopify request may spend; `syncCallBudget` unless given. */
  callBudget?: CallBudgetPolicy;
  /** `PEOPLE_SYNC_INTERVAL`: the time between the end of one run and the start of the next. */
  intervalMs: number;
  /** How often an instance looks whether a run is due (or an abandoned one must be taken over). */
  tickMs?: number;
  /** How long a lease lasts unless its holder renews it; another instance takes over after it. */
  leaseMs?: number;
  /** Waits between bulk operation status checks, growing to `maxPollMs`. */
  pollMs?: number;
  maxPollMs?: number;
  /** Customers per committed batch of the bulk file. */
  batchSize?: number;
  /** How far back each incremental read starts before the mark: search lags, and compares whole seconds. */
  overlapMs?: number;
  /** Abandoned checkouts the first run reads back to. */
  checkoutsWindowMs?: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
  instanceId?: string;
};

/** A run stopped short for a reason an admin can act on; the next run resumes where this one stopped. */
class SyncStopped extends Error {}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * What one sync request may spend: no agent is waiting, so more time and tries than a card open gets (a
 * throttled store asks for seconds of patience), but still a bound, so a run never hangs on Shopify.
 */
export const syncCallBudget: CallBudgetPolicy = { deadlineMs: 60_000, attemptTimeoutMs: 20_000, maxRequests: 5 };

const bulkErrors: Record<string, string> = {
  ACCESS_DENIED: 'Shopify refused the bulk read of customers: the app needs the read_customers and read_orders scopes.',
  INTERNAL_SERVER_ERROR: 'Shopify failed while reading all customers; the next run starts the read again.',
  TIMEOUT: 'Shopify took too long reading all customers; the next run starts the read again.',
};

/**
 * The People sync: a first run that reads every customer through one bulk operation, then, every interval, the
 * customers, orders and abandoned checkouts changed since the stored marks. Every batch is committed with the
 * checkpoint that covers it, so a run can stop anywhere (an error, a restart, `kill -9`) and the next resumes
 * where it stopped; writes are upserts keyed by Shopify ids, so reading something twice never duplicates it.
 * One run at a time per store, whichever instance holds the store's lease.
 */
export function createPeopleSync(options: PeopleSyncOptions) {
  const { settings, people } = options;
  const budgetPolicy = options.callBudget ?? syncCallBudget;
  /** Every sync request with its own patient budget. */
  const shopify = {
    query: <T>(credential: Credential, operation: string, variables: Record<string, unknown> = {}) =>
      options.shopify.query<T>(credential, operation, variables, createCallBudget(budgetPolicy)),
  };
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const fetchFile = options.fetchFile ?? ((url: string) => fetch(url));
  const owner = options.instanceId ?? randomUUID();
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 500;
  const overlapMs = options.overlapMs ?? 60_000;
  const iso = (at = clock()) => new Date(at).toISOString();
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;

  type Setup = { credential: Credential; mapping: SavedPeopleMapping; active: boolean };

  async function readSetup(): Promise<Setup | null> {
    const [current, mapping] = await Promise.all([settings.settings(), settings.mapping()]);
    if (!current?.credentialId || !mapping) return null;
    const credential = await options.credential(current.credentialId);
    return credential ? { credential, mapping, active: current.active } : null;
  }

  /** One run's context: the lease, the counts, and the checkpoint saved with each committed batch. */
  function runContext(shop: string, state: SyncState, run: RunningSync) {
    let checkpoint: SyncCheckpoint = { ...state.checkpoint };
    let renewedAt = clock();
    return {
      run,
      get checkpoint() {
        return checkpoint;
      },
      /** Saves progress; throws when another instance has taken the run over meanwhile. */
      async save(change: Partial<SyncCheckpoint>, extra: Partial<Pick<SyncState, 'phase'>> = {}) {
        checkpoint = { ...checkpoint, ...change };
        if (clock() - renewedAt > leaseMs / 3) {
          if (!(await settings.claimLease(shop, owner, leaseMs))) throw new SyncStopped('Another instance took the run over.');
          renewedAt = clock();
        }
        if (!(await settings.saveProgress(shop, owner, { checkpoint, run, ...extra }))) {
          throw new SyncStopped('Another instance took the run over.');
        }
        if (stopping) throw new SyncStopped('The instance is stopping; the next run resumes here.');
      },
      async keepLease() {
        if (clock() - renewedAt > leaseMs / 3) {
          if (!(await settings.claimLease(shop, owner, leaseMs))) throw new SyncStopped('Another instance took the run over.');
          renewedAt = clock();
        }
      },
    };
  }
  type Run = ReturnType<typeof runContext>;

  async function write(shop: string, ctx: Run, writes: PersonWrite[], events: EventWrite[], phones?: Map<string, string[]>) {
    const counts = await people.writeBatch(shop, { writes, events, ...(phones ? { phones } : {}) });
    ctx.run.created += counts.created;
    ctx.run.updated += counts.updated;
    ctx.run.events += counts.events;
  }

  /** Waits for Shopify's bucket when the last answer left too little for the next page. */
  async function pace(cost: {
    requestedQueryCost: number | null;
    throttleStatus?: { currentlyAvailable: number; restoreRate: number } | null;
  }) {
    const status = cost.throttleStatus;
    const next = cost.requestedQueryCost ?? 0;
    if (status && status.restoreRate > 0 && status.currentlyAvailable < next * 2) {
      await sleep(Math.ceil(((next * 2 - status.currentlyAvailable) / status.restoreRate) * 1000));
    }
  }

  async function startBulk(setup: Setup, ctx: Run) {
    const count = await shopify.query<{ customersCount: { count: number } | null }>(setup.credential, customersCountOperation);
    ctx.run.progress = { done: 0, total: count.data.customersCount?.count ?? null };
    const startedAt = clock();
    const { data } = await shopify.query<{
      bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { message: string }[] };
    }>(setup.credential, runBulkQueryOperation, { query: peopleBulkQuery(mappedSources(setup.mapping)) });
    const operation = data.bulkOperationRunQuery.bulkOperation;
    if (!operation) {
      const reasons = data.bulkOperationRunQuery.userErrors.map((e) => e.message).join('; ');
      throw new SyncStopped(`Shopify did not start the bulk read of customers: ${reasons || 'no reason given'}.`);
    }
    // Whatever changes while the bulk read runs is read again by the first incremental run.
    const mark = iso(startedAt - overlapMs);
    await ctx.save({
      step: 'bulk',
      bulkOperationId: operation.id,
      bulkLinesDone: 0,
      customersMark: mark,
      ordersMark: mark,
      checkoutsMark: iso(startedAt - (options.checkoutsWindowMs ?? 30 * 86_400_000)),
    });
  }

  async function awaitBulk(setup: Setup, ctx: Run, id: string): Promise<string | null> {
    let wait = options.pollMs ?? 1_000;
    for (;;) {
      const { data } = await shopify.query<{
        bulkOperation: { status: string; errorCode: string | null; url: string | null; rootObjectCount: string } | null;
      }>(setup.credential, bulkOperationStatusOperation, { id });
      const operation = data.bulkOperation;
      if (!operation) throw new SyncStopped('Shopify no longer knows the bulk read of customers; the next run starts it again.');
      if (operation.status === 'COMPLETED') return operation.url;
      if (['FAILED', 'CANCELED', 'CANCELING', 'EXPIRED'].includes(operation.status)) {
        await ctx.save({ bulkOperationId: undefined, bulkLinesDone: 0 });
        throw new SyncStopped(
          bulkErrors[operation.errorCode ?? ''] ?? `Shopify's bulk read of customers ended ${operation.status.toLowerCase()}.`,
        );
      }
      await ctx.keepLease();
      if (stopping) throw new SyncStopped('The instance is stopping; the next run resumes here.');
      await sleep(wait);
      wait = Math.min(wait * 2, options.maxPollMs ?? 10_000);
    }
  }

  /** Streams the bulk file into People in committed batches, resuming after the lines already written. */
  async function readBulkFile(shop: string, setup: Setup, ctx: Run, url: string) {
    let customers: { node: Node; addresses: Node[] }[] = [];
    const inBatch = new Map<string, Node[]>();
    let events: EventWrite[] = [];
    let latePhones = new Map<string, Node[]>();
    // Children whose customer has not appeared yet (Shopify does not promise order): tried again at the end.
    const orphans: EventWrite[] = [];
    const seen = new Set<string>();
    let lastIndex = (ctx.checkpoint.bulkLinesDone ?? 0) - 1;

    const flush = async () => {
      const writes = customers.map(({ node, addresses }) => personWrite(setup.mapping, node, addresses));
      const known = events.filter((event) => seen.has(event.shopifyCustomerId));
      orphans.push(...events.filter((event) => !seen.has(event.shopifyCustomerId)));
      const phones = new Map([...latePhones].map(([gid, addresses]) => [gid, addressPhones(addresses)]));
      await write(shop, ctx, writes, known, phones);
      ctx.run.progress = { ...ctx.run.progress, done: ctx.run.progress.done + customers.length };
      customers = [];
      inBatch.clear();
      events = [];
      latePhones = new Map();
      await ctx.save({ bulkLinesDone: lastIndex + 1 });
    };

    for await (const { index, node } of bulkFileLines(await fetchFile(url), ctx.checkpoint.bulkLinesDone ?? 0)) {
      lastIndex = index;
      const parent = typeof node.__parentId === 'string' ? node.__parentId : null;
      const type = gidType(node.id);
      if (!parent && type === 'Customer') {
        const entry = { node, addresses: [] as Node[] };
        customers.push(entry);
        inBatch.set(String(node.id), entry.addresses);
        seen.add(String(node.id));
      } else if (parent && type === 'MailingAddress') {
        const addresses = inBatch.get(parent);
        if (addresses) addresses.push(node);
        else latePhones.set(parent, [...(latePhones.get(parent) ?? []), node]);
      } else if (parent && type === 'Order') {
        events.push(...orderEvents(node, parent));
      }
      if (customers.length >= batchSize) await flush();
    }
    await flush();
    if (orphans.length) ctx.run.events += await people.recordEvents(shop, orphans);
  }

  async function readPages(
    ctx: Run,
    step: 'customers' | 'orders' | 'checkouts',
    from: string,
    fetchPage: (query: string, after: string | null) => Promise<{ page: Page; cost: Parameters<typeof pace>[0] }>,
    handle: (nodes: Node[]) => Promise<void>,
    markKey: 'customersMark' | 'ordersMark' | 'checkoutsMark',
    sortedByUpdate: boolean,
  ) {
    // A resumed step goes on with the same query from its saved cursor.
    const resuming = ctx.checkpoint.step === step && ctx.checkpoint.cursorFrom;
    const queryFrom = resuming ? (ctx.checkpoint.cursorFrom as string) : from;
    let after = resuming ? (ctx.checkpoint.cursor ?? null) : null;
    let newest = ctx.checkpoint[markKey] ?? queryFrom;
    await ctx.save({ step, cursorFrom: queryFrom, cursor: after ?? undefined });
    for (;;) {
      const { page, cost } = await fetchPage(changedSince(queryFrom), after);
      await handle(page.nodes);
      for (const node of page.nodes) if (typeof node.updatedAt === 'string' && node.updatedAt > newest) newest = node.updatedAt;
      after = page.pageInfo.endCursor;
      const more = page.pageInfo.hasNextPage && after !== null;
      // Pages in update order move the mark with each committed page; others only once the step is complete.
      await ctx.save({ cursor: more ? (after ?? undefined) : undefined, ...(sortedByUpdate || !more ? { [markKey]: newest } : {}) });
      if (!more) break;
      await pace(cost);
    }
    await ctx.save({ step: undefined, cursor: undefined, cursorFrom: undefined });
  }

  async function readChanges(shop: string, setup: Setup, ctx: Run, steps: readonly ('customers' | 'orders' | 'checkouts')[]) {
    const sources = mappedSources(setup.mapping);
    const since = (mark: string | undefined) => iso(Date.parse(mark ?? iso(0)) - overlapMs);
    const startAt = steps.indexOf((ctx.checkpoint.step as (typeof steps)[number]) ?? steps[0]);
    for (const step of steps.slice(Math.max(0, startAt))) {
      if (step === 'customers') {
        const operation = customersPageOperation(sources);
        await readPages(
          ctx,
          'customers',
          since(ctx.checkpoint.customersMark),
          async (query, after) => {
            const { data, cost } = await shopify.query<{ customers: Page }>(setup.credential, operation, { query, after });
            return { page: data.customers, cost };
          },
          async (nodes) => {
            const writes = nodes.map((node) => personWrite(setup.mapping, node, (node.addressesV2 as Page | undefined)?.nodes ?? []));
            await write(shop, ctx, writes, []);
          },
          'customersMark',
          true,
        );
      } else if (step === 'orders') {
        await readPages(
          ctx,
          'orders',
          since(ctx.checkpoint.ordersMark),
          async (query, after) => {
            const { data, cost } = await shopify.query<{ orders: Page }>(setup.credential, ordersPageOperation, { query, after });
            return { page: data.orders, cost };
          },
          async (nodes) => {
            const events = nodes.flatMap((order) => {
              const customer = (order.customer as Node | null)?.id;
              return typeof customer === 'string' ? orderEvents(order, customer) : [];
            });
            ctx.run.events += await people.recordEvents(shop, events);
          },
          'ordersMark',
          true,
        );
      } else {
        await readPages(
          ctx,
          'checkouts',
          since(ctx.checkpoint.checkoutsMark),
          async (query, after) => {
            const { data, cost } = await shopify.query<{ abandonedCheckouts: Page }>(setup.credential, checkoutsPageOperation, {
              query,
              after,
            });
            return { page: data.abandonedCheckouts, cost };
          },
          async (nodes) => {
            const events = nodes.map(checkoutEvent).filter((event): event is EventWrite => event !== null);
            ctx.run.events += await people.recordEvents(shop, events);
          },
          'checkoutsMark',
          false,
        );
      }
    }
  }

  function describe(error: unknown): string {
    if (error instanceof SyncStopped) return error.message;
    if (error instanceof AppError) return error.detail ?? error.message;
    return 'The sync failed unexpectedly; the next run resumes where this one stopped.';
  }

  /** Runs (or resumes) the store's run while holding its lease. */
  async function runOnce(setup: Setup, state: SyncState) {
    const shop = setup.credential.shopDomain;
    const kind: SyncRun['kind'] = state.phase === 'initial' ? 'initial' : 'incremental';
    const run: RunningSync = state.run ?? {
      kind,
      startedAt: iso(),
      created: 0,
      updated: 0,
      events: 0,
      errors: 0,
      progress: { done: 0, total: null },
    };
    const ctx = runContext(shop, state, run);
    await ctx.save({}, { phase: kind === 'initial' ? 'initial' : 'incremental' });
    let error: string | null = null;
    try {
      if (kind === 'initial') {
        if (!ctx.checkpoint.bulkOperationId) await startBulk(setup, ctx);
        if (ctx.checkpoint.step === 'bulk') {
          const url = await awaitBulk(setup, ctx, ctx.checkpoint.bulkOperationId as string);
          // An empty store completes with no file.
          if (url) await readBulkFile(shop, setup, ctx, url);
          await ctx.save({ step: 'checkouts', bulkOperationId: undefined, bulkLinesDone: undefined });
        }
        await readChanges(shop, setup, ctx, ['checkouts']);
      } else {
        await readChanges(shop, setup, ctx, ['customers', 'orders', 'checkouts']);
      }
    } catch (caught) {
      if (caught instanceof SyncStopped && /took the run over|is stopping/.test(caught.message)) throw caught;
      error = describe(caught);
      run.errors += 1;
      options.logger?.warn('people sync run stopped', { shop, error });
    }
    const finished: SyncRun = {
      kind: run.kind,
      startedAt: run.startedAt,
      finishedAt: iso(),
      created: run.created,
      updated: run.updated,
      events: run.events,
      errors: run.errors,
      error,
    };
    const done = error === null;
    await settings.saveProgress(shop, owner, {
      run: null,
      lastRun: finished,
      phase: done ? 'up_to_date' : kind === 'initial' ? 'initial' : 'incremental',
      nextRunAt: iso(clock() + options.intervalMs),
      checkpoint: done
        ? {
            customersMark: ctx.checkpoint.customersMark ?? iso(),
            ordersMark: ctx.checkpoint.ordersMark ?? iso(),
            checkoutsMark: ctx.checkpoint.checkoutsMark ?? iso(),
          }
        : ctx.checkpoint,
    });
    options.logger?.info('people sync run', { shop, ...finished });
  }

  async function tick(): Promise<'ran' | 'idle'> {
    const setup = await readSetup();
    if (!setup?.active) return 'idle';
    const shop = setup.credential.shopDomain;
    const state = await settings.state(shop);
    // Due: never run, a run left mid-way (its instance died or stopped), or the next run's time has come. A run
    // that stopped on an error waits for its next time like any other (Run now asks for one at once).
    const isDue = (s: SyncState | null) => !s || s.run !== null || !s.nextRunAt || Date.parse(s.nextRunAt) <= clock();
    if (!isDue(state)) return 'idle';
    if (!(await settings.claimLease(shop, owner, leaseMs))) return 'idle';
    try {
      // Read again under the lease: another instance may have just finished the run.
      const current = (await settings.state(shop)) as SyncState;
      if (!isDue(current)) return 'idle';
      await runOnce(setup, current);
      return 'ran';
    } catch (caught) {
      if (caught instanceof SyncStopped) return 'idle';
      throw caught;
    } finally {
      await settings.releaseLease(shop, owner).catch(() => undefined);
    }
  }

  /** One tick at a time in this instance. */
  function tickOnce(): Promise<void> {
    running ??= tick()
      .then(() => undefined)
      .catch((error: unknown) => options.logger?.warn('people sync tick failed', { error }))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    tick,
    /** Run now (and Activate): due at once; this instance looks straight away, another may get there first. */
    async requestRun(): Promise<void> {
      const setup = await readSetup();
      if (!setup) throw new AppError('BAD_REQUEST', 'Choose a credential and save a mapping before the sync can run.');
      await settings.requestRun(setup.credential.shopDomain);
      void tickOnce();
    },
    /** What the "Shopify customers to people" block shows. */
    async status(): Promise<PeopleSyncState> {
      const [current, mapping, counts] = await Promise.all([settings.settings(), settings.mapping(), people.counts()]);
      const credential = current?.credentialId ? await options.credential(current.credentialId) : null;
      const state = credential ? await settings.state(credential.shopDomain) : null;
      const phase: PeopleSyncState['phase'] =
        !state || (!state.run && !state.lastRun)
          ? 'never_run'
          : state.run
            ? state.run.kind
            : state.phase === 'up_to_date'
              ? 'up_to_date'
              : state.phase;
      return {
        credentialId: current?.credentialId ?? null,
        active: current?.active ?? false,
        phase,
        running: Boolean(state?.run),
        progress: state?.run?.kind === 'initial' ? state.run.progress : null,
        lastRun: state?.lastRun ?? null,
        nextRunAt: current?.active ? (state?.nextRunAt ?? null) : null,
        intervalSeconds: Math.round(options.intervalMs / 1000),
        mapping,
        counts,
      };
    },
    start(): void {
      if (timer) return;
      stopping = false;
      timer = setInterval(() => void tickOnce(), options.tickMs ?? 5_000);
      timer.unref();
      void tickOnce();
    },
    /** Stops looking for runs; a run under way stops at its next committed batch, to be resumed later. */
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
export type PeopleSync = ReturnType<typeof createPeopleSync>;
