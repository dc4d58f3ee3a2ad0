import type { GraphQLRequestBody } from './graphql-execution';

/** Reads `{query, variables, operationName}` from JSON, or a bare query sent as application/graphql. */
export async function readGraphQLBody(request: Request): Promise<GraphQLRequestBody | null> {
  const text = await request.text();
  if ((request.headers.get('content-type') ?? '').includes('application/graphql')) return text.trim() ? { query: text } : null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { query, variables, operationName } = parsed as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return null;
  let vars: unknown = variables;
  if (typeof vars === 'string') {
    try {
      vars = JSON.parse(vars);
    } catch {
      return null;
    }
  }
  return {
    query,
    variables: typeof vars === 'object' && vars !== null && !Array.isArray(vars) ? (vars as Record<string, unknown>) : null,
    operationName: typeof operationName === 'string' ? operationName : null,
  };
}
