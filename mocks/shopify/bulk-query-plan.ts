import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  parse,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { validationErrors } from './graphql-errors';

/**
 * Reads the query given to `bulkOperationRunQuery` and checks Shopify's rules for bulk queries:
 * at least one and at most five connections, nested at most two levels, the parent of a nested
 * connection selecting `id`, no top-level `node`/`nodes`, no connection inside a list. The plan says
 * which connections to page and where each one's nodes hang, for the runner.
 */

export const MAX_BULK_CONNECTIONS = 5;

/** Shopify's wording for refused bulk queries (code INVALID), kept in one place. */
export const bulkQueryMessages = {
  invalid: (detail: string) => `Invalid bulk query: ${detail}`,
  noConnection: 'Bulk queries must contain at least one connection.',
  tooManyConnections: `Bulk queries cannot contain more than ${MAX_BULK_CONNECTIONS} connections.`,
  tooDeep: 'Bulk queries cannot contain connections with a nesting depth greater than 2.',
  parentId: (connection: string) =>
    `The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of type 'ID!'. Connection field: '${connection}'.`,
  topLevelNode: (field: string) => `Bulk queries cannot contain the top-level '${field}' field.`,
  topLevelNotConnection: (field: string) =>
    `Bulk queries must only contain connection fields at the top level: '${field}' is not a connection.`,
  inList: 'Queries that contain a connection field within a list field are not currently supported.',
  notQuery: 'Bulk operations only support query operations.',
  variables: 'Bulk queries cannot declare variables.',
} as const;

export type ConnectionPlan = {
  /** The fields from the enclosing node (or the query root) down to the connection, the connection last. */
  chain: FieldNode[];
  /** The node type the chain starts from (the parent's node type, or QueryRoot). */
  parentTypeName: string;
  nodeTypeName: string;
  parent: ConnectionPlan | null;
  children: ConnectionPlan[];
};

export type BulkPlan = { operation: OperationDefinitionNode; roots: ConnectionPlan[]; connections: Set<FieldNode> };

export type BulkQueryProblem = { message: string };

export function isConnectionType(type: GraphQLNamedType | undefined): type is GraphQLObjectType {
  if (!type || !isObjectType(type) || !type.name.endsWith('Connection')) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('edges' in fields || 'nodes' in fields);
}

/** The node type of a connection type. */
function nodeTypeOf(connection: GraphQLObjectType): GraphQLCompositeType {
  const field = connection.getFields().nodes ?? connection.getFields().edges;
  const named = getNamedType(field?.type);
  if (field?.name === 'edges' && named && isObjectType(named)) return getNamedType(named.getFields().node?.type) as GraphQLCompositeType;
  return named as GraphQLCompositeType;
}

/** Fragment spreads replaced by inline fragments, so that every field sits where it is used. */
function inlineFragments(document: DocumentNode, operation: OperationDefinitionNode): OperationDefinitionNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const inline = (set: SelectionSetNode): SelectionSetNode =>
    visit(set, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value) as FragmentDefinitionNode;
        return {
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: spread.directives,
          selectionSet: inline(fragment.selectionSet),
        };
      },
    });
  return { ...operation, selectionSet: inline(operation.selectionSet) };
}

/** Selections of `set` with their type, through inline fragments. */
function* fieldsOf(
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  schema: GraphQLSchema,
): Generator<{ node: FieldNode; parentType: GraphQLCompositeType }> {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) yield { node: selection, parentType: type };
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : type;
      yield* fieldsOf(selection.selectionSet, condition, schema);
    }
  }
}

/** The selections that apply to each node of a connection: `nodes { … }` and `edges { node { … } }`. */
export function nodeSelections(connectionField: FieldNode): SelectionSetNode[] {
  const sets: SelectionSetNode[] = [];
  for (const selection of connectionField.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
    if (selection.name.value === 'nodes') sets.push(selection.selectionSet);
    if (selection.name.value === 'edges') {
      for (const inner of selection.selectionSet.selections) {
        if (inner.kind === Kind.FIELD && inner.name.value === 'node' && inner.selectionSet) sets.push(inner.selectionSet);
      }
    }
  }
  return sets;
}

function selectsPlainId(sets: readonly SelectionSetNode[]): boolean {
  return sets.some((set) =>
    set.selections.some((selection) =>
      selection.kind === Kind.INLINE_FRAGMENT
        ? selectsPlainId([selection.selectionSet])
        : selection.kind === Kind.FIELD && selection.name.value === 'id' && !selection.alias,
    ),
  );
}

export function planBulkQuery(schema: GraphQLSchema, query: string): BulkPlan | BulkQueryProblem {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { message: bulkQueryMessages.invalid(error instanceof GraphQLError ? error.message : String(error)) };
  }
  const invalid = validationErrors(schema, document);
  if (invalid[0]) return { message: bulkQueryMessages.invalid(invalid[0].message) };
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const first = operations[0];
  if (operations.length !== 1 || !first) return { message: bulkQueryMessages.invalid('the query must hold exactly one operation') };
  if (first.operation !== 'query') return { message: bulkQueryMessages.notQuery };
  if ((first.variableDefinitions ?? []).length > 0) return { message: bulkQueryMessages.variables };

  const operation = inlineFragments(document, first);
  const queryRoot = schema.getQueryType() as GraphQLObjectType;
  const roots: ConnectionPlan[] = [];
  const connections = new Set<FieldNode>();
  const plainRoots: string[] = [];
  let problem: string | null = null;

  /** Walks one node's selection (or the root's), finding connections below it. */
  const walk = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    owner: ConnectionPlan | null,
    ownerType: string,
    chain: FieldNode[],
    inList: boolean,
  ) => {
    for (const { node, parentType } of fieldsOf(set, type, schema)) {
      if (problem) return;
      const field = 'getFields' in parentType ? parentType.getFields()[node.name.value] : undefined;
      if (!field) continue;
      const named = getNamedType(field.type);
      const atRoot = owner === null && chain.length === 0;
      if (atRoot && (node.name.value === 'node' || node.name.value === 'nodes')) {
        problem = bulkQueryMessages.topLevelNode(node.name.value);
        return;
      }
      if (isConnectionType(named)) {
        if (inList) problem = bulkQueryMessages.inList;
        else if (owner?.parent) problem = bulkQueryMessages.tooDeep;
        if (problem) return;
        const plan: ConnectionPlan = {
          chain: [...chain, node],
          parentTypeName: ownerType,
          nodeTypeName: nodeTypeOf(named).name,
          parent: owner,
          children: [],
        };
        const sets = nodeSelections(node);
        connections.add(node);
        (owner ? owner.children : roots).push(plan);
        for (const nodeSet of sets) walk(nodeSet, nodeTypeOf(named), plan, plan.nodeTypeName, [], false);
        if (plan.children.length > 0 && !selectsPlainId(sets))
          problem = bulkQueryMessages.parentId(plan.children[0]?.chain.at(-1)?.name.value ?? '');
        continue;
      }
      if (atRoot) {
        plainRoots.push(node.name.value);
        continue;
      }
      if (node.selectionSet && 'getFields' in (named ?? {})) {
        const listed = inList || isListType(getNullableType(field.type));
        walk(node.selectionSet, named as GraphQLCompositeType, owner, ownerType, [...chain, node], listed);
      }
    }
  };
  walk(operation.selectionSet, queryRoot, null, queryRoot.name, [], false);

  if (problem) return { message: problem };
  if (connections.size === 0) return { message: bulkQueryMessages.noConnection };
  if (plainRoots[0]) return { message: bulkQueryMessages.topLevelNotConnection(plainRoots[0]) };
  if (connections.size > MAX_BULK_CONNECTIONS) return { message: bulkQueryMessages.tooManyConnections };
  return { operation, roots, connections };
}
