import type { GraphQLResolveInfo } from 'graphql';
import type { BulkOperationRecord } from './bulk-model';
import { planBulkQuery } from './bulk-query-plan';
import { gid, iso, listConnection, parseGid, type GraphContext, type ListArgs } from './graph-context';
import { dateMatches, numberMatches, textMatches } from './search-filters';
import type { SearchFilters } from './search-query';

/**
 * Bulk query operations on the GraphQL surface: `bulkOperationRunQuery`, `bulkOperationCancel`,
 * `bulkOperation(id:)`, `bulkOperations(query:)` and the deprecated `currentBulkOperation`. The
 * inner query is not charged against the cost bucket; only the mutation is (10 points).
 */

/** Since 2026-01 an app may run five bulk queries per shop at once. */
export const MAX_RUNNING_BULK_QUERIES = 5;
const running = new Set(['CREATED', 'RUNNING', 'CANCELING']);

export function bulkOperationNode(operation: BulkOperationRecord, context: GraphContext) {
  const done = operation.status === 'COMPLETED' && operation.file !== null;
  return {
    __typename: 'BulkOperation',
    id: gid('BulkOperation', operation.id),
    type: 'QUERY',
    query: operation.query,
    status: operation.status,
    errorCode: operation.errorCode,
    createdAt: iso(operation.createdAt),
    completedAt: iso(operation.completedAt),
    objectCount: String(operation.objectCount),
    rootObjectCount: String(operation.rootObjectCount),
    fileSize: done ? String(operation.bytes) : null,
    url: done ? context.services.bulkFileUrl(operation, context.origin) : null,
    partialDataUrl: operation.status === 'FAILED' && operation.partial ? context.services.bulkFileUrl(operation, context.origin) : null,
  };
}

function operationById(context: GraphContext, value: string): BulkOperationRecord | null {
  const { type, id } = parseGid(value);
  return type === 'BulkOperation' ? (context.index.bulkOperations.find((operation) => operation.id === id) ?? null) : null;
}

type BulkSearchRecord = { id: number; operation: BulkOperationRecord };

function bulkFilters(now: number): SearchFilters<BulkSearchRecord> {
  return {
    fields: {
      status: ({ operation }, term) => textMatches(operation.status, term),
      operation_type: (_record, term) => textMatches('QUERY', term),
      created_at: ({ operation }, term) => dateMatches(operation.createdAt, term, now),
      id: ({ operation }, term) => numberMatches(operation.id, term),
    },
    text: () => true,
  };
}

export const bulkQueries = {
  bulkOperation: (args: { id: string }, context: GraphContext) => {
    const operation = operationById(context, args.id);
    return operation ? bulkOperationNode(operation, context) : null;
  },
  /** Newest first by default, as Shopify documents; `reverse` gives the oldest first. */
  bulkOperations: (args: ListArgs, context: GraphContext, info: GraphQLResolveInfo) =>
    listConnection({
      items: () => context.index.bulkOperations.map((operation) => ({ id: operation.id, operation })),
      args: { ...args, reverse: !args.reverse },
      context,
      info,
      filters: bulkFilters(context.index.clock()),
      sortValue: ({ operation }, sortKey) => (sortKey === 'COMPLETED_AT' ? (operation.completedAt ?? 0) : operation.createdAt),
      toNode: ({ operation }) => bulkOperationNode(operation, context),
    }),
  currentBulkOperation: (args: { type?: string }, context: GraphContext) => {
    if (args.type === 'MUTATION') return null;
    const latest = context.index.bulkOperations.at(-1);
    return latest ? bulkOperationNode(latest, context) : null;
  },
};

export const bulkMutations = {
  bulkOperationRunQuery: (args: { query: string; groupObjects?: boolean }, context: GraphContext, info: GraphQLResolveInfo) => {
    const plan = planBulkQuery(info.schema, args.query);
    if ('message' in plan) return { bulkOperation: null, userErrors: [{ field: ['query'], message: plan.message, code: 'INVALID' }] };
    const active = context.index.bulkOperations.filter((operation) => running.has(operation.status));
    if (active.length >= MAX_RUNNING_BULK_QUERIES) {
      const message = `A maximum of ${MAX_RUNNING_BULK_QUERIES} bulk query operations can run at the same time for this app and shop.`;
      return { bulkOperation: null, userErrors: [{ field: null, message, code: 'LIMIT_REACHED' }] };
    }
    const operation: BulkOperationRecord = {
      id: context.index.nextId(),
      query: args.query,
      groupObjects: args.groupObjects ?? false,
      status: 'CREATED',
      errorCode: null,
      createdAt: context.index.clock(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      bytes: 0,
      file: null,
      partial: false,
    };
    context.index.bulkOperations.push(operation);
    context.services.startBulkOperation(operation, plan);
    return { bulkOperation: bulkOperationNode(operation, context), userErrors: [] };
  },
  bulkOperationCancel: (args: { id: string }, context: GraphContext) => {
    const operation = operationById(context, args.id);
    if (!operation) return { bulkOperation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] };
    if (!running.has(operation.status)) {
      const message = `A bulk operation cannot be canceled when it is ${operation.status.toLowerCase()}`;
      return { bulkOperation: bulkOperationNode(operation, context), userErrors: [{ field: null, message }] };
    }
    operation.status = 'CANCELING';
    return { bulkOperation: bulkOperationNode(operation, context), userErrors: [] };
  },
};
