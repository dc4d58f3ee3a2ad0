import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { BulkOperationRecord } from './bulk-model';
import type { BulkPlan } from './bulk-query-plan';
import { paginate, type Connection, type ConnectionArgs } from './connection';
import type { IdempotencyStore } from './idempotency';
import { toShopMinor } from './money';
import { compileSearch, type SearchFilters, type SearchWarning } from './search-query';
import type { AbandonedCheckoutRecord, CustomerRecord, DraftOrderRecord, OrderRecord, SandboxSeed } from './seed-model';

/** What every resolver can reach: the store's data, its indexes, and what this request may see. */

export type SeedIndex = {
  seed: SandboxSeed;
  /** The seed's anchor: `now` in search queries. */
  nowMs: number;
  /** The store's clock: when changes happen. */
  clock: () => number;
  customersById: Map<number, CustomerRecord>;
  ordersById: Map<number, OrderRecord>;
  checkoutsById: Map<number, AbandonedCheckoutRecord>;
  draftOrdersById: Map<number, DraftOrderRecord>;
  bulkOperations: BulkOperationRecord[];
  idempotency: IdempotencyStore;
  /** A fresh id for a record created while the store runs, above every seeded one. */
  nextId(): number;
};

/** Records created at run time are numbered from here, far above the seed's ranges. */
const RUNTIME_ID_BASE = 9_100_000_000_000;

export function indexSeed(seed: SandboxSeed, clock: () => number = Date.now): SeedIndex {
  let created = 0;
  return {
    seed,
    nowMs: seed.now.getTime(),
    clock,
    customersById: new Map(seed.customers.map((customer) => [customer.id, customer])),
    ordersById: new Map(seed.orders.map((order) => [order.id, order])),
    checkoutsById: new Map(seed.abandonedCheckouts.map((checkout) => [checkout.id, checkout])),
    draftOrdersById: new Map(seed.draftOrders.map((draft) => [draft.id, draft])),
    bulkOperations: [],
    idempotency: new Map(),
    nextId: () => RUNTIME_ID_BASE + ++created,
  };
}

/** Shopify reports filters it ignored in `extensions.search`. */
export type SearchReport = { path: readonly (string | number)[]; query: string; warnings: SearchWarning[] };

/** What the store provides beyond its data: background work and signed links. */
export type SandboxServices = {
  /** Starts running a bulk operation just created (in the background). */
  startBulkOperation(operation: BulkOperationRecord, plan: BulkPlan): void;
  /** A signed, expiring link to an operation's file on this store's origin. */
  bulkFileUrl(operation: BulkOperationRecord, origin: string): string;
};

export type GraphContext = {
  index: SeedIndex;
  grantedScopes: readonly string[];
  searchReports: SearchReport[];
  /** The origin the request reached (links the store hands out point there). */
  origin: string;
  services: SandboxServices;
  /**
   * Filtered and sorted top-level lists, kept for the length of one bulk operation so that paging
   * through 100,000 customers does not sort them again for every page.
   */
  listCache?: Map<string, unknown>;
};

export function createGraphContext(
  index: SeedIndex,
  grantedScopes: readonly string[],
  options: { origin: string; services: SandboxServices; listCache?: Map<string, unknown> },
): GraphContext {
  return { index, grantedScopes, searchReports: [], ...options };
}

const SIXTY_DAYS = 60 * 86_400_000;

/** Shopify's rule: without `read_all_orders`, only the last 60 days of orders exist for the app. */
export function isOrderVisible(order: OrderRecord, context: GraphContext): boolean {
  return context.grantedScopes.includes('read_all_orders') || order.createdAt >= context.index.nowMs - SIXTY_DAYS;
}

/**
 * Shopify's answer to a field the app has no scope for: an ACCESS_DENIED error on that field
 * (which nulls it, and its parents when it is non-null). A write scope implies its read scope.
 */
export function requireScope(context: GraphContext, scope: string, field: string): void {
  const writeScope = scope.replace(/^read_/, 'write_');
  if (context.grantedScopes.includes(scope) || context.grantedScopes.includes(writeScope)) return;
  throw new GraphQLError(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`, {
    extensions: {
      code: 'ACCESS_DENIED',
      documentation: 'https://shopify.dev/api/usage/access-scopes',
      requiredAccess: `\`${scope}\` access scope.`,
    },
  });
}

export function gid(type: string, id: number, query = ''): string {
  return `gid://shopify/${type}/${id}${query}`;
}

/** Splits a GID; throws Shopify's coercion error for anything that is not one. */
export function parseGid(value: string): { type: string; id: number } {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(value);
  if (!match) {
    throw new GraphQLError(`Invalid global id '${value}'`, {
      extensions: { code: 'argumentLiteralsIncompatible', typeName: 'CoercionError' },
    });
  }
  return { type: match[1] as string, id: Number(match[2]) };
}

/** Shopify's DateTime: ISO 8601 in UTC, to the second. */
export function iso(time: number): string;
export function iso(time: number | null): string | null;
export function iso(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type ListArgs = ConnectionArgs & { query?: string | null; sortKey?: string; reverse?: boolean };

type KeyedItem<R> = { item: R; id: number; sortValue: string | number };

/**
 * Filters with the search query, sorts by the sort key (ties by id, as Shopify does), then pages.
 * Any warnings about ignored filters are reported against the field's path.
 */
export function listConnection<R extends { id: number }, N>(options: {
  items: readonly R[] | (() => readonly R[]);
  args: ListArgs;
  context: GraphContext;
  info: GraphQLResolveInfo;
  filters: SearchFilters<R>;
  sortValue: (record: R, sortKey: string) => string | number;
  toNode: (record: R) => N;
}): Connection<N> {
  const { args, context, info, filters } = options;
  const search = compileSearch(args.query, filters);
  if (args.query && search.warnings.length > 0) {
    context.searchReports.push({ path: pathOf(info), query: args.query, warnings: search.warnings });
  }
  const sortKey = args.sortKey ?? 'ID';
  const build = (): KeyedItem<R>[] => {
    const items = typeof options.items === 'function' ? options.items() : options.items;
    const keyed = items
      .filter((item) => search.matches(item))
      .map((item) => ({ item, id: item.id, sortValue: options.sortValue(item, sortKey) }))
      .sort((a, b) => (a.sortValue < b.sortValue ? -1 : a.sortValue > b.sortValue ? 1 : a.id - b.id));
    if (args.reverse) keyed.reverse();
    return keyed;
  };
  // Only a top-level list is the same on every page of a bulk operation.
  const cacheKey = context.listCache && !info.path.prev ? JSON.stringify([info.fieldName, args.query, sortKey, args.reverse]) : null;
  let keyed = cacheKey ? (context.listCache?.get(cacheKey) as KeyedItem<R>[] | undefined) : undefined;
  if (!keyed) {
    keyed = build();
    if (cacheKey) context.listCache?.set(cacheKey, keyed);
  }
  return paginate(info.fieldName, keyed, args, (entry) => options.toNode(entry.item), { descending: args.reverse === true });
}

function pathOf(info: GraphQLResolveInfo): (string | number)[] {
  const path: (string | number)[] = [];
  for (let step: GraphQLResolveInfo['path'] | undefined = info.path; step; step = step.prev) path.unshift(step.key);
  return path;
}

/** Sort values of `OrderSortKeys`; keys the sandbox does not model fall back to the id. */
export function orderSortValue(order: OrderRecord, sortKey: string, customer: CustomerRecord | null): string | number {
  switch (sortKey) {
    case 'CREATED_AT':
      return order.createdAt;
    case 'PROCESSED_AT':
      return order.processedAt;
    case 'UPDATED_AT':
      return order.updatedAt;
    case 'ORDER_NUMBER':
      return order.number;
    case 'TOTAL_PRICE':
      return toShopMinor(order.total, order.currency);
    case 'CURRENT_TOTAL_PRICE':
      return toShopMinor(order.currentTotal, order.currency);
    case 'CUSTOMER_NAME':
      return `${customer?.firstName ?? ''} ${customer?.lastName ?? ''}`.toLocaleLowerCase('en');
    case 'FINANCIAL_STATUS':
      return order.financialStatus;
    case 'FULFILLMENT_STATUS':
      return order.fulfillmentStatus;
    case 'TOTAL_ITEMS_QUANTITY':
      return order.lineItems.reduce((sum, item) => sum + item.quantity, 0);
    case 'DESTINATION':
      return order.shippingAddress?.countryCode ?? '';
    default:
      return order.id;
  }
}

export function customerSortValue(customer: CustomerRecord, sortKey: string): string | number {
  switch (sortKey) {
    case 'CREATED_AT':
      return customer.createdAt;
    case 'UPDATED_AT':
      return customer.updatedAt;
    case 'NAME':
      return `${customer.firstName ?? ''} ${customer.lastName ?? ''}`.toLocaleLowerCase('en');
    case 'LOCATION':
      return customer.defaultAddress?.countryCode ?? '';
    default:
      return customer.id;
  }
}
