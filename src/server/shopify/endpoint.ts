import type { createAdminApiClient } from '@shopify/admin-api-client';

type CustomFetchApi = NonNullable<Parameters<typeof createAdminApiClient>[0]['customFetchApi']>;

/** The Admin API version every operation is written for. */
export const SHOPIFY_API_VERSION = '2026-10';
/** Every Shopify request has a timeout: this one unless the work it is part of gives a shorter one. */
export const SHOPIFY_REQUEST_TIMEOUT_MS = 10_000;

export type ShopifyEndpoint = {
  /** Another origin that stands in for every `https://{shop}` (the sandbox store or a test double). */
  apiOrigin?: string | undefined;
  fetch?: typeof fetch;
  requestTimeoutMs?: number;
};

/** The URL Shopify serves `path` at for `shopDomain`, honouring SHOPIFY_API_ORIGIN. */
export function shopifyUrl(endpoint: ShopifyEndpoint, shopDomain: string, path: string): string {
  return `${endpoint.apiOrigin ?? `https://${shopDomain}`}${path}`;
}

/** Headers every Shopify request carries; a stand-in for several shops tells them apart by the domain. */
export function shopHeaders(endpoint: ShopifyEndpoint, shopDomain: string): Record<string, string> {
  return endpoint.apiOrigin ? { 'X-Shopify-Shop-Domain': shopDomain } : {};
}

/**
 * The fetch the Admin API client uses: it always builds `https://{shop}/…`, so requests are re-aimed at
 * the stand-in origin when one is set, and each one without a signal of its own is given the timeout.
 */
export function clientFetch(endpoint: ShopifyEndpoint, shopDomain: string): CustomFetchApi {
  const doFetch = endpoint.fetch ?? fetch;
  const prefix = `https://${shopDomain}`;
  return (url, init) => {
    const target = endpoint.apiOrigin && url.startsWith(prefix) ? endpoint.apiOrigin + url.slice(prefix.length) : url;
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(shopHeaders(endpoint, shopDomain))) headers.set(name, value);
    return doFetch(target, {
      ...init,
      headers,
      signal: init?.signal ?? AbortSignal.timeout(endpoint.requestTimeoutMs ?? SHOPIFY_REQUEST_TIMEOUT_MS),
    });
  };
}
