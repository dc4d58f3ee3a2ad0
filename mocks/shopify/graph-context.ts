import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { paginate, type Connection, type ConnectionArgs } from './connection';
import { toShopMinor } from './money';
import { compileSearch, type SearchFilters, type SearchWarning } from './search-query';
import type { CustomerRecord, OrderRecord, SandboxSeed } from './seed-model';

/** What every resolver can reach: the seed, its indexes, and what this request may see. */

export type SeedIndex = {
  seed: SandboxSeed;
  nowMs: number;
  customersById: Map<number, CustomerRecord>;
  ordersById: Map<number, OrderRecord>;
};

export function indexSeed(seed: SandboxSeed): SeedIndex {
  return {
    seed,
    nowMs: seed.now.getTime(),
    customersById: new Map(seed.customers.map((customer) => [customer.id, customer])),
    ordersById: new Map(seed.orders.map((order) => [order.id, order])),
  };
}

/** Shopify reports filters it ignored in `extensions.search`. */
export type SearchReport = { path: readonly (string | number)[]; query: string; warnings: SearchWarning[] };

export type GraphContext = {
  index: SeedIndex;
  grantedScopes: readonly string[];
  searchReports: SearchReport[];
};

export function createGraphContext(index: SeedIndex, grantedScopes: readonly string[]): GraphContext {
  return { index, grantedScopes, searchReports: [] };
}

const SIXTY_DAYS = 60 * 86_400_000;

/** Shopify's rule: without `read_all_orders`, only the last 60 days of orders exist for the app. */
export function isOrderVisible(order: OrderRecord, context: GraphContext): boolean {
  return context.grantedScopes.includes('read_all_orders') || order.createdAt >= context.index.nowMs - SIXTY_DAYS;
}

/**
 * Shopify's answer to a field the app has no scope for: an ACCESS_DENIED error on that field
 * (which nulls it, and its parents when it is non-null).
 */
export function requireScope(context: GraphContext, scope: 'read_customers' | 'read_orders', field: string): void {
  const writeScope = scope.replace('read_', 'write_');
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

/**
 * Filters with the search query, sorts by the sort key (ties by id, as Shopify does), then pages.
 * Any warnings about ignored filters are reported against the field's path.
 */
export function listConnection<R extends { id: number }, N>(options: {
  items: readonly R[];
  args: ListArgs;
  context: GraphContext;
  info: GraphQLResolveInfo;
  filters: SearchFilters<R>;
  sortValue: (record: R, sortKey: string) => string | number;
  toNode: (record: R) => N;
}): Connection<N> {
  const { items, args, context, info, filters } = options;
  const search = compileSearch(args.query, filters);
  if (args.query && search.warnings.length > 0) {
    context.searchReports.push({ path: pathOf(info), query: args.query, warnings: search.warnings });
  }
  const sortKey = args.sortKey ?? 'ID';
  const keyed = items
    .filter((item) => search.matches(item))
    .map((item) => ({ item, id: item.id, sortValue: options.sortValue(item, sortKey) }))
    .sort((a, b) => (a.sortValue < b.sortValue ? -1 : a.sortValue > b.sortValue ? 1 : a.id - b.id));
  if (args.reverse) keyed.reverse();
  return paginate(info.fieldName, keyed, args, (entry) => options.toNode(entry.item));
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
