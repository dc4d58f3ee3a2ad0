import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { connectionArgumentsProblem } from './connection';

/**
 * Shopify's calculated query cost. Scalars and enums cost 0, objects 1, a connection
 * `2 + first (or last) × one node's cost`, a plain list with `first` `first × one item's cost`,
 * and each mutation field 10 on top of its selection. The requested cost is computed statically
 * from the operation; the actual cost walks the data that really came back.
 */

export type CostInput = {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Coerced variable values (defaults applied). */
  variables: Record<string, unknown>;
};

type CollectedField = { key: string; nodes: FieldNode[]; field: GraphQLField<unknown, unknown> | null };

const MUTATION_BASE = 10;

function included(node: FieldNode | { directives?: FieldNode['directives'] }, variables: Record<string, unknown>): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

function applies(condition: string | undefined, type: GraphQLCompositeType, input: CostInput): boolean {
  if (!condition || condition === type.name) return true;
  const conditionType = input.schema.getType(condition);
  return !!conditionType && isAbstractType(conditionType) && isObjectType(type) && input.schema.isSubType(conditionType, type);
}

/** graphql-js's field collection for one runtime type: fragments, type conditions, @skip/@include. */
function collectFields(selectionSet: SelectionSetNode, type: GraphQLCompositeType, input: CostInput): CollectedField[] {
  const byKey = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(selection, input.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        byKey.set(key, [...(byKey.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type, input)) visit(selection.selectionSet);
      } else {
        const fragment = input.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value, type, input)) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  const fields = 'getFields' in type ? type.getFields() : {};
  return [...byKey].map(([key, nodes]) => ({ key, nodes, field: fields[(nodes[0] as FieldNode).name.value] ?? null }));
}

/** The object types a selection on an abstract type names in its fragments. */
function candidateTypes(selectionSet: SelectionSetNode, type: GraphQLCompositeType, input: CostInput): GraphQLCompositeType[] {
  if (!isAbstractType(type)) return [type];
  const found = new Set<GraphQLObjectType>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) continue;
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : input.fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition ? input.schema.getType(fragment.typeCondition.name.value) : null;
      if (condition && isObjectType(condition) && input.schema.isSubType(type, condition)) found.add(condition);
      visit(fragment.selectionSet);
    }
  };
  visit(selectionSet);
  return found.size > 0 ? [...found] : [type];
}

function mergeSelections(nodes: readonly FieldNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []) };
}

function argumentsOf(collected: CollectedField, input: CostInput): Record<string, unknown> {
  if (!collected.field) return {};
  try {
    return getArgumentValues(collected.field, collected.nodes[0] as FieldNode, input.variables);
  } catch {
    return {};
  }
}

function isConnection(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('edges' in fields || 'nodes' in fields);
}

/** The node type of a connection and the selection that applies to each node (edges and nodes merged). */
function connectionNodes(type: GraphQLObjectType, selectionSet: SelectionSetNode, input: CostInput) {
  const nodeField = type.getFields().nodes ?? type.getFields().edges;
  const nodeType = getNamedType(nodeField?.type);
  const parts: { via: 'nodes' | 'edges'; key: string; nodeKeys: string[]; selection: SelectionSetNode }[] = [];
  for (const collected of collectFields(selectionSet, type, input)) {
    const name = collected.field?.name;
    if (name === 'nodes') {
      parts.push({ via: 'nodes', key: collected.key, nodeKeys: [], selection: mergeSelections(collected.nodes) });
    } else if (name === 'edges') {
      const edgeType = getNamedType(collected.field?.type);
      if (!edgeType || !isObjectType(edgeType)) continue;
      const inner = collectFields(mergeSelections(collected.nodes), edgeType, input).filter((f) => f.field?.name === 'node');
      parts.push({
        via: 'edges',
        key: collected.key,
        nodeKeys: inner.map((f) => f.key),
        selection: mergeSelections(inner.flatMap((f) => f.nodes)),
      });
    }
  }
  const selection: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: parts.flatMap((part) => part.selection.selections) };
  return { nodeType, parts, selection };
}

export type StaticAnalysis = {
  requestedQueryCost: number;
  /** Connections asked for without first/last, or with too large a page. */
  problems: GraphQLError[];
  /** `Type.field` names of deprecated fields the operation uses. */
  deprecated: string[];
};

/** The requested cost and the static problems of an operation, in one walk. */
export function analyseOperation(input: CostInput): StaticAnalysis {
  const problems = new Map<FieldNode, GraphQLError>();
  const deprecated = new Set<string>();

  const selectionCost = (set: SelectionSetNode, type: GraphQLCompositeType, path: string[]): number =>
    Math.max(
      0,
      ...candidateTypes(set, type, input).map((candidate) =>
        collectFields(set, candidate, input).reduce((sum, collected) => sum + fieldCost(collected, candidate, [...path, collected.key]), 0),
      ),
    );

  const fieldCost = (collected: CollectedField, parent: GraphQLCompositeType, path: string[]): number => {
    const { field } = collected;
    if (!field) return 0;
    if (field.deprecationReason != null) deprecated.add(`${parent.name}.${field.name}`);
    const named = getNamedType(field.type);
    if (isLeafType(named)) return 0;
    const args = argumentsOf(collected, input);
    const selection = mergeSelections(collected.nodes);
    if (isConnection(named)) {
      const node = collected.nodes[0] as FieldNode;
      const pageable = 'first' in args || 'last' in args || field.args.some((arg) => arg.name === 'first');
      const problem = pageable ? connectionArgumentsProblem(field.name, args) : null;
      if (problem && !problems.has(node)) {
        problems.set(node, new GraphQLError(problem, { nodes: [node], path, extensions: { code: 'BAD_REQUEST' } }));
      }
      const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : 0;
      const { nodeType, selection: nodeSelection } = connectionNodes(named, selection, input);
      const perNode = nodeType && !isLeafType(nodeType) ? 1 + selectionCost(nodeSelection, nodeType as GraphQLCompositeType, path) : 0;
      return 2 + size * perNode;
    }
    const own = 1 + selectionCost(selection, named as GraphQLCompositeType, path);
    if (isListType(getNullableType(field.type))) return (typeof args.first === 'number' ? args.first : 1) * own;
    return own;
  };

  const rootType = input.operation.operation === 'mutation' ? input.schema.getMutationType() : input.schema.getQueryType();
  let requestedQueryCost = 0;
  if (rootType) {
    for (const collected of collectFields(input.operation.selectionSet, rootType, input)) {
      const cost = fieldCost(collected, rootType, [collected.key]);
      // A mutation field costs its base, and its payload object is not charged again.
      requestedQueryCost += input.operation.operation === 'mutation' ? MUTATION_BASE + Math.max(0, cost - 1) : cost;
    }
  }
  return { requestedQueryCost, problems: [...problems.values()], deprecated: [...deprecated] };
}

type Json = Record<string, unknown>;
const isJsonObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function deepMerge(values: readonly unknown[]): unknown {
  const objects = values.filter(isJsonObject);
  if (objects.length === 0) return values.find((value) => value !== undefined) ?? null;
  const merged: Json = {};
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) merged[key] = key in merged ? deepMerge([merged[key], value]) : value;
  }
  return merged;
}

/** The cost of what was actually returned: connections count the nodes really present. */
export function actualQueryCost(input: CostInput, data: unknown): number {
  const selectionCost = (set: SelectionSetNode, type: GraphQLCompositeType, value: unknown): number => {
    if (!isJsonObject(value)) return 0;
    const candidates = candidateTypes(set, type, input).map((candidate) => ({ candidate, fields: collectFields(set, candidate, input) }));
    // The runtime type is the candidate whose response keys the value carries.
    const best = candidates.reduce((a, b) =>
      b.fields.filter((f) => f.key in value).length > a.fields.filter((f) => f.key in value).length ? b : a,
    );
    return best.fields.reduce((sum, collected) => sum + fieldCost(collected, value[collected.key]), 0);
  };

  const fieldCost = (collected: CollectedField, value: unknown): number => {
    const { field } = collected;
    if (!field || value === null || value === undefined) return 0;
    const named = getNamedType(field.type);
    if (isLeafType(named)) return 0;
    const selection = mergeSelections(collected.nodes);
    if (isConnection(named) && isJsonObject(value)) {
      const { nodeType, parts, selection: nodeSelection } = connectionNodes(named, selection, input);
      const perIndex: unknown[][] = [];
      for (const part of parts) {
        const list = value[part.key];
        if (!Array.isArray(list)) continue;
        list.forEach((entry: unknown, index) => {
          const nodes = part.via === 'nodes' ? [entry] : part.nodeKeys.map((key) => (isJsonObject(entry) ? entry[key] : null));
          (perIndex[index] ??= []).push(...nodes);
        });
      }
      const nodeCost = (merged: unknown) =>
        nodeType && !isLeafType(nodeType) ? 1 + selectionCost(nodeSelection, nodeType as GraphQLCompositeType, merged) : 0;
      return 2 + perIndex.reduce((sum, nodes) => sum + nodeCost(deepMerge(nodes)), 0);
    }
    if (Array.isArray(value)) {
      return value.reduce(
        (sum: number, item: unknown) => sum + (item === null ? 0 : 1 + selectionCost(selection, named as GraphQLCompositeType, item)),
        0,
      );
    }
    return 1 + selectionCost(selection, named as GraphQLCompositeType, value);
  };

  const rootType = input.operation.operation === 'mutation' ? input.schema.getMutationType() : input.schema.getQueryType();
  if (!rootType || !isJsonObject(data)) return 0;
  return collectFields(input.operation.selectionSet, rootType, input).reduce((sum, collected) => {
    const cost = fieldCost(collected, data[collected.key]);
    return sum + (input.operation.operation === 'mutation' ? MUTATION_BASE + Math.max(0, cost - 1) : cost);
  }, 0);
}
