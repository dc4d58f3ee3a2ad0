import {
  GraphQLError,
  Kind,
  getDirectiveValues,
  type FieldNode,
  type GraphQLDirective,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Shopify's `@idempotent(key:)` directive. In 2026-01 it is optional on the mutations whose
 * description says so (of those the sandbox serves, `refundCreate` alone). The same key with the
 * same arguments returns the first outcome and performs nothing again; the same key with other
 * arguments is refused. Shopify does not document how long it keeps keys: the sandbox keeps them a
 * day, like Stripe.
 */

/** The mutations of 2026-01 whose description documents `@idempotent`, that the sandbox performs. */
export const idempotentMutations: ReadonlySet<string> = new Set(['refundCreate']);

export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export type IdempotencyRecord = {
  field: string;
  /** The mutation's arguments, as stable JSON. */
  fingerprint: string;
  createdAt: number;
  outcome: unknown;
};

export type IdempotencyStore = Map<string, IdempotencyRecord>;

/** The errors Shopify gives for a key it cannot use; the codes are those of its idempotency error enums. */
export const idempotencyErrors = {
  mismatch: () =>
    new GraphQLError('The same idempotency key cannot be used with different operation parameters.', {
      extensions: { code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' },
    }),
  blank: () =>
    new GraphQLError('The idempotency key cannot be an empty string or whitespace only.', { extensions: { code: 'BAD_REQUEST' } }),
  unsupported: (field: string) =>
    new GraphQLError(`The @idempotent directive is not supported on the field '${field}'.`, { extensions: { code: 'BAD_REQUEST' } }),
};

function idempotentDirective(schema: GraphQLSchema): GraphQLDirective {
  const directive = schema.getDirective('idempotent');
  if (!directive) throw new Error('The schema lacks @idempotent');
  return directive;
}

/** The key given to a field with `@idempotent(key:)`, or null when the field has none. */
export function idempotencyKeyOf(schema: GraphQLSchema, node: FieldNode, variables: Record<string, unknown>): string | null {
  const values = getDirectiveValues(idempotentDirective(schema), node, variables);
  return typeof values?.key === 'string' ? values.key : null;
}

/** Refusals before anything runs: a blank key, or the directive on a field that does not support it. */
export function idempotencyProblems(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError[] {
  const problems: GraphQLError[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const key = idempotencyKeyOf(schema, selection, variables);
    if (key === null) continue;
    const name = selection.name.value;
    if (operation.operation !== 'mutation' || !idempotentMutations.has(name)) problems.push(idempotencyErrors.unsupported(name));
    else if (key.trim() === '') problems.push(idempotencyErrors.blank());
  }
  return problems;
}

/** JSON with sorted keys, so that two requests with the same arguments in another order match. */
export function fingerprintOf(value: unknown): string {
  const sort = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sort);
    if (item && typeof item === 'object') {
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>)
          .filter(([, entry]) => entry !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([name, entry]) => [name, sort(entry)]),
      );
    }
    return item;
  };
  return JSON.stringify(sort(value));
}

export type IdempotentRun<T> = { replayed: boolean; outcome: T };

/**
 * Runs `perform` once per key: a repeat with the same fingerprint returns the stored outcome, a
 * repeat with another fingerprint throws Shopify's mismatch error. Keys older than the retention
 * are forgotten.
 */
export function runIdempotently<T>(
  store: IdempotencyStore,
  request: { key: string; field: string; fingerprint: string; now: number },
  perform: () => T,
): IdempotentRun<T> {
  const scoped = `${request.field}:${request.key}`;
  const seen = store.get(scoped);
  if (seen && request.now - seen.createdAt < IDEMPOTENCY_RETENTION_MS) {
    if (seen.fingerprint !== request.fingerprint) throw idempotencyErrors.mismatch();
    return { replayed: true, outcome: seen.outcome as T };
  }
  const outcome = perform();
  store.set(scoped, { field: request.field, fingerprint: request.fingerprint, createdAt: request.now, outcome });
  return { replayed: false, outcome };
}
