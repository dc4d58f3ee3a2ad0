import { createSandboxStore, sandboxShop, type SandboxStore, type SandboxStoreOptions } from './store';

/** Helpers for the sandbox store's own tests: requests through `app.request`, no network. */

/** A fixed anchor, so every test sees the same data. */
export const testNow = new Date('2026-06-15T00:00:00Z');

export function createTestStore(options: SandboxStoreOptions = {}): SandboxStore {
  return createSandboxStore({ now: testNow, ...options });
}

export type GraphQLAnswer = {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?:
      { message: string; locations?: unknown; path?: unknown; extensions?: Record<string, unknown> }[] | Record<string, unknown> | string;
    extensions?: { cost?: Record<string, unknown>; search?: unknown };
  };
};

export async function graphql(
  store: SandboxStore,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; headers?: Record<string, string>; version?: string; signal?: AbortSignal } = {},
): Promise<GraphQLAnswer> {
  const response = await store.app.request(`/admin/api/${options.version ?? '2026-01'}/graphql.json`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-access-token': options.token ?? sandboxShop.accessToken,
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
    ...(options.signal && { signal: options.signal }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLAnswer['body'] };
}

/** Reads a nested property of a GraphQL answer without a cast at every step. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export async function requestToken(
  store: SandboxStore,
  body: Record<string, string>,
  options: { json?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await store.app.request('/admin/oauth/access_token', {
    method: 'POST',
    headers: {
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
      ...options.headers,
    },
    body: options.json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const validGrant = {
  grant_type: 'client_credentials',
  client_id: sandboxShop.clientId,
  client_secret: sandboxShop.clientSecret,
};
