import { QueryClient } from '@tanstack/react-query';
import { isApiError, type ApiErrorCode } from './api-error';

const MAX_RETRIES = 2;

/** Codes no second attempt can fix: the request, the session or the setup must change first. */
const finalCodes: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>([
  'BAD_RESPONSE',
  'CREDENTIALS_INVALID',
  'CREDENTIAL_UNREADABLE',
  'SHOPIFY_THROTTLED',
]);

/**
 * Retries only what may pass on a second try (network blips, 5xx). Never a 4xx: a bad request, an
 * expired session or a throttled shop will answer the same, and the agent gets a Retry button instead.
 * Never what the BFF says it already retried: each try would cost Shopify more requests and the
 * agent more waiting, past the answer the BFF gives within its deadline.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return false;
  if (error.retried) return false;
  if (error.status >= 400 && error.status < 500) return false;
  return !finalCodes.has(error.code);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Focus comes and goes all the time in an iframe beside a conversation; refetching on each
        // one would spend the shop's Shopify rate limit for nothing.
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        staleTime: 60_000,
      },
      mutations: { retry: false },
    },
  });
}
