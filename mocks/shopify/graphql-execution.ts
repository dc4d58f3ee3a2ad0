import {
  GraphQLError,
  Kind,
  executeSync,
  getOperationAST,
  getVariableValues,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { LeakyBucket, ThrottleStatus } from './bucket';
import { actualQueryCost, analyseOperation, type CostInput } from './cost';
import { createGraphContext, type SandboxServices, type SeedIndex } from './graph-context';
import { mutationRoot } from './graph-mutation';
import { queryRoot } from './graph-root';
import { idempotencyProblems } from './idempotency';
import { executionErrorOf, parseErrorOf, validationErrors, variableErrorOf, type ShopifyError } from './graphql-errors';

/**
 * One GraphQL request through Shopify's stages: parse, validate, coerce variables, check
 * connections, cost, throttle, execute, refund. Every stage answers at HTTP 200 in Shopify's shape.
 */

export const MAX_QUERY_COST = 1000;

export type GraphQLRequestBody = {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
};

export type GraphQLOutcome = {
  body: Record<string, unknown>;
  operationName: string | null;
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
  /** The code of the first error, e.g. THROTTLED or undefinedField; null when none. */
  errorCode: string | null;
  /** `Type.field` names of deprecated fields used, for the deprecation header. */
  deprecated: string[];
};

export type ExecutionDeps = {
  schema: GraphQLSchema;
  index: SeedIndex;
  grantedScopes: readonly string[];
  bucket: LeakyBucket;
  /** A THROTTLED answer whatever the bucket holds (a fault on demand). */
  forceThrottle?: boolean;
  /** The origin the request reached, for the links the store hands out. */
  origin: string;
  services: SandboxServices;
};

/**
 * The mutations the sandbox performs are those the card and People need; any other is refused
 * by name rather than answered with a silent null. Subscriptions do not exist in Shopify's API.
 */
function unperformedMutations(operation: OperationDefinitionNode): GraphQLError[] {
  if (operation.operation === 'query') return [];
  if (operation.operation === 'subscription')
    return [new GraphQLError('Subscriptions are not supported.', { extensions: { code: 'BAD_REQUEST' } })];
  return operation.selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD && selection.name.value !== '__typename' && !Object.hasOwn(mutationRoot, selection.name.value)
      ? [
          new GraphQLError(`The sandbox store does not perform the mutation '${selection.name.value}'.`, {
            nodes: [selection],
            extensions: { code: 'NOT_SUPPORTED_BY_SANDBOX' },
          }),
        ]
      : [],
  );
}

type CostExtension = { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: ThrottleStatus };

function outcome(body: Record<string, unknown>, operationName: string | null, cost: Partial<GraphQLOutcome> = {}): GraphQLOutcome {
  const errors = Array.isArray(body.errors) ? (body.errors as ShopifyError[]) : [];
  const code = errors[0]?.extensions?.code;
  return {
    body,
    operationName,
    requestedQueryCost: cost.requestedQueryCost ?? null,
    actualQueryCost: cost.actualQueryCost ?? null,
    errorCode: typeof code === 'string' ? code : errors.length > 0 ? 'ERROR' : null,
    deprecated: cost.deprecated ?? [],
  };
}

export function maxCostExceededError(cost: number): ShopifyError {
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
      'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
      'cost of a query is calculated.\n\n' +
      'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
      'See https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n',
    extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: MAX_QUERY_COST },
  };
}

export const throttledError: ShopifyError = {
  message: 'Throttled',
  extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
};

export function executeAdminQuery(request: GraphQLRequestBody, deps: ExecutionDeps): GraphQLOutcome {
  const rawVariables = request.variables ?? {};
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return outcome({ errors: [parseErrorOf(error)] }, request.operationName ?? null);
  }

  const invalid = validationErrors(deps.schema, document);
  const operation = getOperationAST(document, request.operationName);
  const operationName = operation?.name?.value ?? request.operationName ?? null;
  if (invalid.length > 0) return outcome({ errors: invalid }, operationName);
  if (!operation) {
    const message = request.operationName ? `No operation named "${request.operationName}"` : 'An operation name is required';
    return outcome({ errors: [{ message, extensions: { code: 'OPERATION_NOT_FOUND' } }] }, operationName);
  }

  const coerced = getVariableValues(deps.schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) {
    return outcome({ errors: coerced.errors.map((error) => variableErrorOf(error, operation, rawVariables)) }, operationName);
  }

  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments[definition.name.value] = definition;
  }
  const costInput: CostInput = { schema: deps.schema, operation, fragments, variables: coerced.coerced };
  const analysis = analyseOperation(costInput);
  const requested = analysis.requestedQueryCost;
  const costOf = (actual: number | null): CostExtension => ({
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: deps.bucket.status(),
  });
  const figures = { requestedQueryCost: requested, deprecated: analysis.deprecated };

  if (analysis.problems.length > 0) {
    const errors = analysis.problems.map(executionErrorOf);
    return outcome({ data: null, errors, extensions: { cost: costOf(requested) } }, operationName, {
      ...figures,
      actualQueryCost: requested,
    });
  }
  if (requested > MAX_QUERY_COST) return outcome({ errors: [maxCostExceededError(requested)] }, operationName, figures);
  const refusals = [...unperformedMutations(operation), ...idempotencyProblems(deps.schema, operation, coerced.coerced)];
  if (refusals.length > 0) return outcome({ errors: refusals.map(executionErrorOf) }, operationName, figures);
  if (deps.forceThrottle || !deps.bucket.tryCharge(requested)) {
    return outcome({ errors: [throttledError], extensions: { cost: costOf(null) } }, operationName, figures);
  }

  const context = createGraphContext(deps.index, deps.grantedScopes, { origin: deps.origin, services: deps.services });
  const result = executeSync({
    schema: deps.schema,
    document,
    rootValue: operation.operation === 'mutation' ? mutationRoot : queryRoot,
    contextValue: context,
    variableValues: rawVariables,
    operationName: request.operationName ?? null,
  });
  const actual = actualQueryCost(costInput, result.data ?? null);
  deps.bucket.refund(requested - actual);

  const extensions: Record<string, unknown> = { cost: costOf(actual) };
  if (context.searchReports.length > 0) extensions.search = context.searchReports;
  const body: Record<string, unknown> = {};
  if (result.errors?.length) body.errors = result.errors.map(executionErrorOf);
  body.data = result.data ?? null;
  body.extensions = extensions;
  return outcome(body, operationName, { ...figures, actualQueryCost: actual });
}
