import {
  FieldsOnCorrectTypeRule,
  FragmentsOnCompositeTypesRule,
  KnownArgumentNamesRule,
  KnownDirectivesRule,
  KnownFragmentNamesRule,
  KnownTypeNamesRule,
  NoFragmentCyclesRule,
  NoUndefinedVariablesRule,
  NoUnusedFragmentsRule,
  NoUnusedVariablesRule,
  OverlappingFieldsCanBeMergedRule,
  PossibleFragmentSpreadsRule,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
  UniqueArgumentNamesRule,
  UniqueOperationNamesRule,
  ValuesOfCorrectTypeRule,
  VariablesAreInputTypesRule,
  VariablesInAllowedPositionRule,
  print,
  specifiedRules,
  validate,
  visit,
  type ASTNode,
  type OperationDefinitionNode,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';

/**
 * GraphQL errors in the shape Shopify's Ruby stack gives them: its messages
 * ("Field 'foo' doesn't exist on type 'Customer'"), `locations`, a `path` that starts with the
 * operation, and `extensions.code` (`undefinedField`, `argumentNotAccepted`…).
 */

export type ShopifyError = {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
};

const codes = new Map<ValidationRule, string>([
  [FieldsOnCorrectTypeRule, 'undefinedField'],
  [KnownArgumentNamesRule, 'argumentNotAccepted'],
  [ProvidedRequiredArgumentsRule, 'missingRequiredArguments'],
  [ScalarLeafsRule, 'selectionMismatch'],
  [ValuesOfCorrectTypeRule, 'argumentLiteralsIncompatible'],
  [NoUndefinedVariablesRule, 'variableNotDefined'],
  [NoUnusedVariablesRule, 'variableNotUsed'],
  [VariablesInAllowedPositionRule, 'variableMismatch'],
  [VariablesAreInputTypesRule, 'variableRequiresValidType'],
  [KnownTypeNamesRule, 'undefinedType'],
  [KnownFragmentNamesRule, 'useAndDefineFragment'],
  [NoUnusedFragmentsRule, 'useAndDefineFragment'],
  [KnownDirectivesRule, 'undefinedDirective'],
  [UniqueArgumentNamesRule, 'argumentUniqueness'],
  [FragmentsOnCompositeTypesRule, 'fragmentOnNonCompositeType'],
  [PossibleFragmentSpreadsRule, 'cannotSpreadFragment'],
  [NoFragmentCyclesRule, 'infiniteLoop'],
  [OverlappingFieldsCanBeMergedRule, 'fieldConflict'],
  [UniqueOperationNamesRule, 'uniquelyNamedOperations'],
]);

/** Rewrites graphql-js's wording into Shopify's where the two differ, with Shopify's extra details. */
function reword(code: string, message: string): { message: string; details: Record<string, unknown> } {
  let match: RegExpExecArray | null;
  if (code === 'undefinedField' && (match = /^Cannot query field "(.+?)" on type "(.+?)"/.exec(message))) {
    const [, fieldName, typeName] = match as unknown as [string, string, string];
    return { message: `Field '${fieldName}' doesn't exist on type '${typeName}'`, details: { typeName, fieldName } };
  }
  if (code === 'argumentNotAccepted' && (match = /^Unknown argument "(.+?)" on (field|directive) "(?:.+\.)?@?(.+?)"/.exec(message))) {
    const [, argumentName, kind, name] = match as unknown as [string, string, string, string];
    const typeName = kind === 'field' ? 'Field' : 'Directive';
    return { message: `${typeName} '${name}' doesn't accept argument '${argumentName}'`, details: { name, typeName, argumentName } };
  }
  if (code === 'missingRequiredArguments' && (match = /^(Field|Directive) "@?(.+?)" argument "(.+?)"/.exec(message))) {
    const [, className, name, argument] = match as unknown as [string, string, string, string];
    return {
      message: `${className} '${name}' is missing required arguments: ${argument}`,
      details: { className, name, arguments: argument },
    };
  }
  if (code === 'selectionMismatch' && (match = /^Field "(.+?)" of type "(.+?)" must have a selection of subfields/.exec(message))) {
    const [, name, type] = match as unknown as [string, string, string];
    return {
      message: `Field must have selections (field '${name}' returns ${type} but has no selections. Did you mean '${name} { ... }'?)`,
      details: { nodeName: name, typeName: type },
    };
  }
  return { message, details: {} };
}

/** Maps each AST node to its path in Shopify's style: `["query CardOpen", "customers", "nodes"]`. */
function pathIndex(document: DocumentNode): Map<ASTNode, string[]> {
  const paths = new Map<ASTNode, string[]>();
  const stack: string[] = [];
  const push = (node: ASTNode, part: string) => {
    stack.push(part);
    paths.set(node, [...stack]);
  };
  visit(document, {
    OperationDefinition: {
      enter: (node) => push(node, node.name ? `${node.operation} ${node.name.value}` : node.operation),
      leave: () => {
        stack.pop();
      },
    },
    FragmentDefinition: {
      enter: (node) => push(node, `fragment ${node.name.value}`),
      leave: () => {
        stack.pop();
      },
    },
    Field: {
      enter: (node) => push(node, node.alias?.value ?? node.name.value),
      leave: () => {
        stack.pop();
      },
    },
    Argument: {
      enter: (node) => push(node, node.name.value),
      leave: () => {
        stack.pop();
      },
    },
    enter: (node) => {
      if (!paths.has(node)) paths.set(node, [...stack]);
    },
  });
  return paths;
}

function locationsOf(error: GraphQLError): ShopifyError['locations'] {
  return error.locations?.map(({ line, column }) => ({ line, column }));
}

/** Validates like graphql-js, one rule at a time so that each error knows its Shopify code. */
export function validationErrors(schema: GraphQLSchema, document: DocumentNode): ShopifyError[] {
  const paths = pathIndex(document);
  const errors: ShopifyError[] = [];
  for (const rule of specifiedRules) {
    for (const error of validate(schema, document, [rule])) {
      const code = codes.get(rule) ?? 'GRAPHQL_VALIDATION_FAILED';
      const { message, details } = reword(code, error.message);
      const node = error.nodes?.[0];
      const path = node ? paths.get(node) : undefined;
      errors.push({ message, locations: locationsOf(error), ...(path && { path }), extensions: { code, ...details } });
    }
  }
  return errors.sort(
    (a, b) =>
      (a.locations?.[0]?.line ?? 0) - (b.locations?.[0]?.line ?? 0) || (a.locations?.[0]?.column ?? 0) - (b.locations?.[0]?.column ?? 0),
  );
}

/** "Syntax Error: Expected Name, found "}"." becomes Shopify's `Parse error on "}" at [1, 25]`. */
export function parseErrorOf(error: GraphQLError): ShopifyError {
  const location = error.locations?.[0];
  const found = /(?:found|Unexpected) (.+?)\.?$/.exec(error.message)?.[1];
  const message =
    !found || found === '<EOF>'
      ? 'Unexpected end of document'
      : `Parse error on ${found} at [${location?.line ?? 0}, ${location?.column ?? 0}]`;
  return { message, locations: locationsOf(error), extensions: { code: 'parseError' } };
}

/** A variable that could not be coerced: `Variable $q of type String! was provided invalid value`. */
export function variableErrorOf(error: GraphQLError, operation: OperationDefinitionNode, variables: Record<string, unknown>): ShopifyError {
  const name = /Variable "\$(\w+)"/.exec(error.message)?.[1] ?? '';
  const definition = operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
  return {
    message: `Variable $${name} of type ${definition ? print(definition.type) : 'unknown'} was provided invalid value`,
    locations: locationsOf(error),
    extensions: {
      code: 'INVALID_VARIABLE',
      value: variables[name] ?? null,
      problems: [{ path: [], explanation: error.message }],
    },
  };
}

/** An execution error (a resolver threw) with Shopify's fields only. */
export function executionErrorOf(error: GraphQLError): ShopifyError {
  return {
    message: error.message,
    locations: locationsOf(error),
    ...(error.path && { path: [...error.path] }),
    ...(error.extensions && Object.keys(error.extensions).length > 0 && { extensions: { ...error.extensions } }),
  };
}
