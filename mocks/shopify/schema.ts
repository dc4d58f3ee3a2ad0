import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';

let cached: GraphQLSchema | undefined;

/**
 * Shopify's Admin API 2026-01 schema, built on first use: building takes a few hundred
 * milliseconds, so importing the personas or the seed never pays for it.
 */
export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const text = readFileSync(new URL('./schema/admin-2026-01.graphql', import.meta.url), 'utf8');
    // The SDL comes from Shopify's own introspection, so re-validating it would only cost time.
    cached = buildSchema(text, { assumeValidSDL: true });
  }
  return cached;
}

export const adminSchemaVersion = '2026-01';
