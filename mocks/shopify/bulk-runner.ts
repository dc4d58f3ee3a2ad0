import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import {
  Kind,
  executeSync,
  parse,
  visit,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { BulkFault, BulkOperationErrorCode, BulkOperationRecord } from './bulk-model';
import { planBulkQuery, type BulkPlan, type ConnectionPlan } from './bulk-query-plan';
import { createGraphContext, type GraphContext, type SandboxServices, type SeedIndex } from './graph-context';
import { queryRoot } from './graph-root';

/**
 * Runs bulk query operations in the background, the way Shopify does: CREATED, then RUNNING while
 * it pages through the query's connections, writing each node as a JSONL line to a file on disk as
 * it goes (never the whole file in memory), then COMPLETED, or FAILED with an error code and the
 * lines so far as partial data, or CANCELED. Nested connections' nodes are lines of their own with
 * `__parentId`; with `groupObjects: false` (the 2026-01 default) a page's children follow all of
 * that page's parents rather than each its own parent.
 */

export type BulkTiming = {
  /** How long an operation stays CREATED before it runs (default 200 ms). */
  startDelayMs?: number;
  /** A pause after each page of root objects, so that progress can be watched (default 5 ms). */
  pageDelayMs?: number;
};

/**
 * Root objects per internal page. Smaller than Shopify's page limit on purpose: each page's objects
 * then die young, so a large export does not pile garbage up in the old generation.
 */
const PAGE_SIZE = 100;
const AFTER = 'sandboxBulkAfter';
const PARENT = 'sandboxBulkParent';
const PAGE_INFO = 'sandboxBulkPage';

type Json = Record<string, unknown>;
const keyOf = (field: FieldNode) => field.alias?.value ?? field.name.value;
const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stop with a reason: FAILED with this code, or CANCELED. */
class Stop extends Error {
  constructor(readonly outcome: BulkOperationErrorCode | 'CANCELED') {
    super(outcome);
  }
}

const pageInfoField = parse(`{ ${PAGE_INFO}: pageInfo { hasNextPage endCursor } }`).definitions[0] as OperationDefinitionNode;

/** The connection with Shopify's largest page, after the given cursor variable when asked, and its page info. */
function paged(field: FieldNode, withAfter: boolean): FieldNode {
  const args = (field.arguments ?? []).filter((argument) => !['first', 'last', 'after', 'before'].includes(argument.name.value));
  args.push({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: { kind: Kind.INT, value: String(PAGE_SIZE) } });
  if (withAfter) {
    args.push({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: 'after' },
      value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER } },
    });
  }
  const selections = [...(field.selectionSet?.selections ?? []), ...pageInfoField.selectionSet.selections];
  return { ...field, arguments: args, selectionSet: { kind: Kind.SELECTION_SET, selections } };
}

function withPagedConnections(set: SelectionSetNode, plan: BulkPlan, outer: FieldNode | null): SelectionSetNode {
  return visit(set, { Field: (node) => (plan.connections.has(node) ? paged(node, node === outer) : undefined) });
}

function variable(name: string, type: string) {
  return parse(`query($${name}: ${type}) { __typename }`).definitions[0] as OperationDefinitionNode;
}

/** One page of a top-level connection. */
function rootPageQuery(plan: BulkPlan, root: ConnectionPlan): OperationDefinitionNode {
  const field = root.chain[0] as FieldNode;
  return {
    ...plan.operation,
    name: undefined,
    variableDefinitions: variable(AFTER, 'String').variableDefinitions,
    selectionSet: withPagedConnections({ kind: Kind.SELECTION_SET, selections: [field] }, plan, field),
  };
}

/** The next page of a nested connection of one parent, reached through `node(id:)`. */
function nestedPageQuery(nested: ConnectionPlan): OperationDefinitionNode {
  let inner: FieldNode = paged(nested.chain.at(-1) as FieldNode, true);
  for (const field of nested.chain.slice(0, -1).reverse())
    inner = { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections: [inner] } };
  const shell = parse(
    `query($${PARENT}: ID!, $${AFTER}: String) { node(id: $${PARENT}) { ... on ${nested.parentTypeName} { __typename } } }`,
  ).definitions[0] as OperationDefinitionNode;
  return visit(shell, {
    InlineFragment: (fragment) => ({ ...fragment, selectionSet: { kind: Kind.SELECTION_SET, selections: [inner] } }),
  });
}

function nodesOf(field: FieldNode, connection: unknown): Json[] {
  if (!isJson(connection)) return [];
  for (const selection of field.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    if (selection.name.value === 'nodes' && Array.isArray(connection[keyOf(selection)]))
      return (connection[keyOf(selection)] as Json[]).filter(isJson);
    if (selection.name.value === 'edges' && Array.isArray(connection[keyOf(selection)])) {
      const nodeField = selection.selectionSet?.selections.find((inner) => inner.kind === Kind.FIELD && inner.name.value === 'node') as
        FieldNode | undefined;
      if (nodeField) return (connection[keyOf(selection)] as Json[]).map((edge) => edge[keyOf(nodeField)]).filter(isJson);
    }
  }
  return [];
}

function dig(value: unknown, chain: readonly FieldNode[]): unknown {
  return chain.reduce<unknown>((current, field) => (isJson(current) ? current[keyOf(field)] : undefined), value);
}

/** A node's own line: its fields without the nested connections (they are lines of their own). */
function ownLine(node: Json, children: readonly ConnectionPlan[]): Json {
  const strip = (value: Json, chain: readonly FieldNode[]): Json => {
    const [head, ...rest] = chain;
    if (!head) return value;
    const copy = { ...value };
    if (rest.length === 0) delete copy[keyOf(head)];
    else if (isJson(copy[keyOf(head)])) copy[keyOf(head)] = strip(copy[keyOf(head)] as Json, rest);
    return copy;
  };
  return children.reduce((line, child) => strip(line, child.chain), node);
}

/** A cancellation asked for while the operation runs (`bulkOperationCancel`). */
const canceling = (operation: BulkOperationRecord) => operation.status === 'CANCELING';

export type BulkRunnerDeps = {
  schema: () => GraphQLSchema;
  index: SeedIndex;
  grantedScopes: () => readonly string[];
  services: SandboxServices;
  timing: BulkTiming;
};

export function createBulkRunner(deps: BulkRunnerDeps) {
  const faults: BulkFault[] = [];
  const runs = new Map<number, Promise<void>>();
  const stopping = new AbortController();
  let directory: string | null = null;
  let closed = false;
  /** Waits, or stops waiting as soon as the store closes. */
  const pause = (ms: number) =>
    (ms > 0 ? sleep(ms, undefined, { signal: stopping.signal }) : nextTurn(undefined, { signal: stopping.signal })).catch(() => undefined);

  const fileFor = (operation: BulkOperationRecord) => {
    directory ??= mkdtempSync(join(tmpdir(), 'sandbox-bulk-'));
    return join(directory, `${operation.id}.jsonl`);
  };

  async function write(
    stream: WriteStream,
    operation: BulkOperationRecord,
    lines: readonly Json[],
    roots: number,
    fault: BulkFault | undefined,
  ) {
    if (lines.length === 0) return;
    const text = lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
    if (!stream.write(text)) await once(stream, 'drain');
    operation.bytes += Buffer.byteLength(text);
    operation.objectCount += lines.length;
    operation.rootObjectCount += roots;
    if (fault?.afterObjects !== undefined && operation.objectCount >= fault.afterObjects) throw new Stop(fault.errorCode);
  }

  function execute(query: OperationDefinitionNode, context: GraphContext, variables: Json): Json {
    const result = executeSync({
      schema: deps.schema(),
      document: { kind: Kind.DOCUMENT, definitions: [query] },
      rootValue: queryRoot,
      contextValue: context,
      variableValues: variables,
    });
    const error = result.errors?.[0];
    if (error) throw new Stop(error.extensions?.code === 'ACCESS_DENIED' ? 'ACCESS_DENIED' : 'INTERNAL_SERVER_ERROR');
    return (result.data ?? {}) as Json;
  }

  /** Every node of a nested connection under one parent: this page, then the following ones through `node(id:)`. */
  function* nestedNodes(nested: ConnectionPlan, parent: Json, context: GraphContext): Generator<Json> {
    let connection = dig(parent, nested.chain);
    const field = nested.chain.at(-1) as FieldNode;
    for (;;) {
      yield* nodesOf(field, connection);
      const page = isJson(connection) ? connection[PAGE_INFO] : null;
      if (!isJson(page) || page.hasNextPage !== true) return;
      const data = execute(nestedPageQuery(nested), context, { [PARENT]: parent.id, [AFTER]: page.endCursor });
      connection = dig(data.node, nested.chain);
    }
  }

  async function run(operation: BulkOperationRecord, plan: BulkPlan) {
    const fault = faults.shift();
    const timing = { startDelayMs: 200, pageDelayMs: 5, ...deps.timing };
    await pause(timing.startDelayMs);
    if (closed) return;
    if (canceling(operation)) return finish(operation, null, 'CANCELED');
    operation.status = 'RUNNING';
    const file = fileFor(operation);
    const stream = createWriteStream(file);
    operation.file = file;
    const context = createGraphContext(deps.index, deps.grantedScopes(), { origin: '', services: deps.services, listCache: new Map() });
    try {
      // A fault with no line count fails the operation before it writes anything.
      if (fault && fault.afterObjects === undefined) throw new Stop(fault.errorCode);
      for (const root of plan.roots) {
        const field = root.chain[0] as FieldNode;
        const query = rootPageQuery(plan, root);
        let after: unknown = null;
        for (;;) {
          if (closed || canceling(operation)) throw new Stop('CANCELED');
          const connection = execute(query, context, { [AFTER]: after })[keyOf(field)];
          const parents = nodesOf(field, connection);
          const lines: Json[] = [];
          const children: Json[] = [];
          for (const parent of parents) {
            lines.push(ownLine(parent, root.children));
            const own = operation.groupObjects ? lines : children;
            for (const nested of root.children) {
              for (const child of nestedNodes(nested, parent, context)) own.push({ ...child, __parentId: parent.id });
            }
          }
          await write(stream, operation, [...lines, ...children], parents.length, fault);
          const page = isJson(connection) ? connection[PAGE_INFO] : null;
          if (!isJson(page) || page.hasNextPage !== true) break;
          after = page.endCursor;
          await pause(timing.pageDelayMs);
        }
      }
      if (fault) throw new Stop(fault.errorCode);
      await finish(operation, stream, 'COMPLETED');
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      await finish(operation, stream, error.outcome);
    }
  }

  async function finish(
    operation: BulkOperationRecord,
    stream: WriteStream | null,
    outcome: 'COMPLETED' | 'CANCELED' | BulkOperationErrorCode,
  ) {
    if (stream) {
      stream.end();
      await once(stream, 'close');
    }
    const keep = outcome === 'COMPLETED' ? operation.objectCount > 0 : outcome !== 'CANCELED' && operation.objectCount > 0;
    if (!keep && operation.file) rmSync(operation.file, { force: true });
    if (!keep) operation.file = null;
    operation.completedAt = outcome === 'COMPLETED' ? deps.index.clock() : null;
    if (outcome === 'COMPLETED' || outcome === 'CANCELED') operation.status = outcome;
    else {
      operation.status = 'FAILED';
      operation.errorCode = outcome;
      operation.partial = keep;
    }
  }

  return {
    /** Checks a bulk query: its plan, or the reason Shopify would refuse it. */
    plan: (query: string) => planBulkQuery(deps.schema(), query),
    start(operation: BulkOperationRecord, plan: BulkPlan) {
      const running = run(operation, plan).finally(() => runs.delete(operation.id));
      runs.set(operation.id, running);
    },
    /** The next operation fails with this code, after writing `afterObjects` lines (then offered as partial data). */
    failNext(fault: BulkFault) {
      faults.push(fault);
    },
    /** Resolves once the operation has finished (or at once when it is not running). */
    settled: (id: number) => runs.get(id) ?? Promise.resolve(),
    async close() {
      closed = true;
      stopping.abort();
      await Promise.allSettled([...runs.values()]);
      if (directory) rmSync(directory, { recursive: true, force: true });
      directory = null;
    },
  };
}

export type BulkRunner = ReturnType<typeof createBulkRunner>;
