import { GraphQLError } from 'graphql';

/**
 * Relay connections the way Shopify serves them: a page needs `first` or `last` (at most 250),
 * cursors are opaque base64 strings, and `pageInfo` tells truthfully whether more lies either way.
 */

export const MAX_PAGE_SIZE = 250;

export type ConnectionArgs = {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
};

export type PageInfo = {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
};

export type Connection<N> = {
  edges: { cursor: string; node: N }[];
  nodes: N[];
  pageInfo: PageInfo;
};

/** Shopify's wording for a page request it refuses, or null when the arguments are fine. */
export function connectionArgumentsProblem(fieldName: string, args: ConnectionArgs): string | null {
  const { first, last } = args;
  if (first == null && last == null) return 'you must provide one of first or last';
  if (first != null && last != null) return 'providing both first and last is not supported';
  for (const [name, size] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (size != null && (size < 0 || size > MAX_PAGE_SIZE)) {
      return `Argument '${name}' on Field '${fieldName}' has an invalid value (${size}). Expected a value between 0 and ${MAX_PAGE_SIZE}.`;
    }
  }
  return null;
}

/** The same shape as Shopify's cursors: base64 of `{"last_id":…,"last_value":…}`. */
export function encodeCursor(id: number, value: string | number): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString('base64');
}

type CursorKey = { id: number; value: string | number };

function readCursor(cursor: string): CursorKey | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'last_id' in parsed && typeof parsed.last_id === 'number') {
      const value = 'last_value' in parsed ? parsed.last_value : undefined;
      return { id: parsed.last_id, value: typeof value === 'number' || typeof value === 'string' ? value : parsed.last_id };
    }
  } catch {
    // Falls through: an unreadable cursor is reported below.
  }
  return null;
}

export type Keyed = { id: number; sortValue: string | number };

/** Sort order of two entries: by sort value, then id. */
function compareKeys(a: CursorKey, b: CursorKey): number {
  if (a.value < b.value) return -1;
  if (a.value > b.value) return 1;
  return a.id - b.id;
}

/** How many entries come before the cursor's position (`inclusive`: up to and with it), by binary search. */
function countBefore(items: readonly Keyed[], key: CursorKey, descending: boolean, inclusive: boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const entry = items[middle] as Keyed;
    const order = compareKeys({ id: entry.id, value: entry.sortValue }, key) * (descending ? -1 : 1);
    if (order < 0 || (inclusive && order === 0)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * One page of `items` (already filtered and sorted, descending when `reverse` was asked), each
 * projected to its GraphQL node. Cursors carry the last entry's sort value and id, as Shopify's do,
 * so the next page starts right after that position even when the entry itself has since moved or
 * gone (a customer updated between two pages of an `UPDATED_AT` sort is not read twice). Throws
 * Shopify's errors for missing or oversized page sizes and for cursors it cannot read.
 */
export function paginate<T extends Keyed, N>(
  fieldName: string,
  items: readonly T[],
  args: ConnectionArgs,
  toNode: (item: T) => N,
  options: { descending?: boolean } = {},
): Connection<N> {
  const problem = connectionArgumentsProblem(fieldName, args);
  if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_REQUEST' } });

  const keyOf = (cursor: string): CursorKey => {
    const key = readCursor(cursor);
    if (!key) throw new GraphQLError(`Invalid cursor: ${cursor}`, { extensions: { code: 'BAD_REQUEST' } });
    return key;
  };
  const descending = options.descending ?? false;

  let start = 0;
  let end = items.length;
  if (args.after) start = countBefore(items, keyOf(args.after), descending, true);
  if (args.before) end = Math.max(start, countBefore(items, keyOf(args.before), descending, false));
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);

  const page = items.slice(start, end);
  const edges = page.map((item) => ({ cursor: encodeCursor(item.id, item.sortValue), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
